/** Where an event sits in EventStoreDB's $all (byte offsets in the transaction log). */
export interface LogPosition {
  commit: number;
  prepare: number;
}

export interface IndexedEvent extends LogPosition {
  id: string;
  streamId: string;
  revision: number;
  createdMs: number;
}

export type IdempotencyCheck =
  | { kind: 'new' }
  | { kind: 'repeat'; firstPosition: number; lastRevision: number }
  | { kind: 'conflict'; eventId: string };

/**
 * The ledger's gap-free positions over EventStoreDB: the ordinal of each non-system event in
 * $all. $all has one total order shared by every client, so every process that indexes it
 * numbers the events alike. Holds per event its log position, stream, revision and clamped time,
 * plus id -> ordinal for idempotency. Pure: the adapter feeds it from a subscription.
 */
export class LedgerIndex {
  private readonly commits: number[] = [];
  private readonly prepares: number[] = [];
  private readonly streams: string[] = [];
  private readonly revisions: number[] = [];
  private readonly recordedMs: number[] = [];
  private readonly byId = new Map<string, number>();
  private readonly streamNames = new Map<string, string>();

  get size(): number {
    return this.commits.length;
  }

  /** Adds the next event of $all and returns its ordinal; an event already indexed is ignored. */
  add(event: IndexedEvent): number {
    const known = this.byId.get(event.id);
    if (known !== undefined) return known;
    const last = this.size - 1;
    if (last >= 0 && compare(event, this.logPosition(last)!) <= 0) {
      throw new Error(`$all went backwards at ${event.commit}/${event.prepare}`);
    }
    const previousMs = last >= 0 ? this.recordedMs[last]! : 0;
    this.commits.push(event.commit);
    this.prepares.push(event.prepare);
    this.streams.push(this.intern(event.streamId));
    this.revisions.push(event.revision);
    // recordedAt must not go back in global order even if the leader's clock did.
    this.recordedMs.push(Math.max(previousMs, event.createdMs));
    this.byId.set(event.id, last + 1);
    return last + 1;
  }

  ordinalOfId(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** Binary search: the ordinal of the event at exactly this log position. */
  ordinalAt(position: LogPosition): number | undefined {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const c = compare(this.logPosition(mid)!, position);
      if (c === 0) return mid;
      if (c < 0) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  /** True once every event up to and including `position` has been indexed. */
  reached(position: LogPosition): boolean {
    const last = this.logPosition(this.size - 1);
    return last !== undefined && compare(last, position) >= 0;
  }

  logPosition(ordinal: number): LogPosition | undefined {
    const commit = this.commits[ordinal];
    const prepare = this.prepares[ordinal];
    return commit === undefined || prepare === undefined ? undefined : { commit, prepare };
  }

  /** Where the event at an ordinal lives by stream, so it can be read back without scanning $all. */
  locate(ordinal: number): { streamId: string; revision: number } | undefined {
    const streamId = this.streams[ordinal];
    const revision = this.revisions[ordinal];
    return streamId === undefined || revision === undefined ? undefined : { streamId, revision };
  }

  recordedAt(ordinal: number): string {
    const ms = this.recordedMs[ordinal];
    if (ms === undefined) throw new Error(`position ${ordinal} is not indexed`);
    return new Date(ms).toISOString();
  }

  /**
   * The port's idempotency rule: ids already written as exactly this consecutive run in this
   * stream repeat the original append; any other overlap is a conflict.
   */
  checkIdempotency(streamId: string, ids: readonly string[]): IdempotencyCheck {
    const ordinals = ids.map((id) => this.byId.get(id));
    const clashAt = ordinals.findIndex((o) => o !== undefined);
    if (clashAt === -1) return { kind: 'new' };
    const first = ordinals[0];
    const firstRevision = first === undefined ? undefined : this.revisions[first];
    const sameRun =
      first !== undefined &&
      firstRevision !== undefined &&
      ordinals.every(
        (o, i) =>
          o === first + i &&
          this.streams[o] === streamId &&
          this.revisions[o] === firstRevision + i,
      );
    if (!sameRun) return { kind: 'conflict', eventId: ids[clashAt]! };
    return { kind: 'repeat', firstPosition: first, lastRevision: firstRevision + ids.length - 1 };
  }

  private intern(name: string): string {
    const known = this.streamNames.get(name);
    if (known !== undefined) return known;
    this.streamNames.set(name, name);
    return name;
  }
}

export function compare(a: LogPosition, b: LogPosition): number {
  return a.commit - b.commit || a.prepare - b.prepare;
}
