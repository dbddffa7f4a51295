import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Position,
  type StreamingRead,
} from '@eventstore/db-client';
import type { Observable } from 'rxjs';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../port/event-store';
import { IdempotencyConflict, InvalidRead } from '../port/errors';
import { catchUpSubscription } from '../subscription/catch-up-subscription';
import { validateAppend } from '../validation/validate-append';
import {
  validatePositions,
  validateReadAll,
  validateReadStream,
} from '../validation/validate-read';
import {
  isLedgerEvent,
  mapAppendError,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toLogPosition,
  toRecordedEvent,
} from './esdb-mapping';
import { LedgerIndex, type LogPosition } from './ledger-index';
import { planStreamReads, type LocatedEvent, type StreamRead } from './stream-reads';

export interface EventStoreDbStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` (EVENTSTORE_URL). */
  url: string;
  /** Safety-net poll for subscriptions; the index subscription wakes them on every event. */
  pollMs?: number;
  /** How long to wait for the index to see an event that the server has acknowledged. */
  indexTimeoutMs?: number;
}

interface Waiter {
  done: () => boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const PAGE = 256;
/** Stream reads readPositions keeps in flight at once (gRPC multiplexes them on one channel). */
const PARALLEL_READS = 8;

/**
 * The EventStoreDB/KurrentDB adapter.
 *
 * Global position: ESDB has no gap-free sequence, only byte offsets in $all. This adapter numbers
 * the non-system events of $all 0,1,2,... in an in-process LedgerIndex, built at connect by a
 * catch-up subscription to $all (system events filtered out) and kept live by it. $all is one
 * total order replicated to every node, so every API instance computes the same positions, and
 * the Merkle tree agrees. Limits: (1) connect reads the whole log once, and memory grows by
 * ~150 bytes per event (fine to a few million events; past that, persist the index);
 * (2) the database must belong to the ledger: deleting or scavenging a user stream, or any
 * foreign non-'$' event, would renumber or add positions; (3) idempotency and its conflicts are
 * checked against the index, so two instances racing with the same ids at once fall back on
 * ESDB's own, weaker, idempotency check.
 */
export class EventStoreDbStore implements EventStore {
  private readonly index = new LedgerIndex();
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Map<() => void, () => void>();
  private subscription: AllStreamSubscription | undefined;
  private failure: unknown;
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly pollMs: number,
    private readonly indexTimeoutMs: number,
  ) {}

  static async connect(options: EventStoreDbStoreOptions): Promise<EventStoreDbStore> {
    const client = EventStoreDBClient.connectionString(options.url);
    const store = new EventStoreDbStore(
      client,
      options.pollMs ?? 500,
      options.indexTimeoutMs ?? 30_000,
    );
    store.followAll(START);
    try {
      await store.syncToHead();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async append(
    streamId: string,
    events: EventData[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const append = validateAppend(streamId, events, options.expectedRevision);
    const ids = append.events.map((e) => e.id);
    await this.syncToHead();
    const check = this.index.checkIdempotency(append.streamId, ids);
    if (check.kind === 'conflict') throw new IdempotencyConflict(append.streamId, check.eventId);
    if (check.kind === 'repeat') {
      return {
        streamId: append.streamId,
        nextExpectedRevision: check.lastRevision,
        firstPosition: check.firstPosition,
        lastPosition: check.firstPosition + ids.length - 1,
      };
    }
    const result = await this.client
      .appendToStream(append.streamId, append.events.map(toEsdbEvent), {
        expectedRevision: toEsdbExpectedRevision(append.expectedRevision),
      })
      .catch((error: unknown) => {
        throw mapAppendError(error, append.streamId, append.expectedRevision);
      });
    // The write is acknowledged; its positions are known once the index has seen it.
    await this.waitUntil(() => ids.every((id) => this.index.ordinalOfId(id) !== undefined));
    return {
      streamId: append.streamId,
      nextExpectedRevision: Number(result.nextExpectedRevision),
      firstPosition: this.index.ordinalOfId(ids[0]!)!,
      lastPosition: this.index.ordinalOfId(ids[ids.length - 1]!)!,
    };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (typeof streamId !== 'string') throw new InvalidRead('stream id must be a string');
    const { direction, from, maxCount } = validateReadStream(options);
    if (maxCount === 0) return [];
    const forwards = direction === 'forwards';
    const read = this.client.readStream(streamId, {
      direction: forwards ? FORWARDS : BACKWARDS,
      fromRevision: from === undefined ? (forwards ? START : END) : BigInt(from),
      ...(maxCount === undefined ? {} : { maxCount: BigInt(maxCount) }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        const event = resolved.event;
        if (!event) continue;
        let ordinal = this.index.ordinalOfId(event.id);
        if (ordinal === undefined) {
          await this.syncToHead();
          ordinal = this.index.ordinalOfId(event.id);
          if (ordinal === undefined)
            throw new Error(`event ${event.id} is in ${streamId} but not in $all`);
        }
        events.push(toRecordedEvent(event, ordinal, this.index.recordedAt(ordinal)));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { direction, from, maxCount } = validateReadAll(options);
    await this.syncToHead();
    const size = this.index.size;
    if (direction === 'forwards')
      return this.readIndexed(from ?? 0, Math.min(size, (from ?? 0) + (maxCount ?? size)));
    // Backwards is read forwards and reversed: one code path decides which events a position holds.
    const last = Math.min(from ?? size - 1, size - 1);
    const first = Math.max(0, last + 1 - (maxCount ?? size));
    return (await this.readIndexed(first, last + 1)).reverse();
  }

  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    this.assertOpen();
    const wanted = validatePositions(positions);
    if (wanted.length === 0) return [];
    // Like readAll, see what other instances wrote, but only pay for it when the index is behind.
    if (wanted[wanted.length - 1]! >= this.index.size) await this.syncToHead();
    // The index knows each position's stream and revision: read those, not $all from each offset.
    const located: LocatedEvent[] = [];
    for (const position of wanted) {
      const at = this.index.locate(position);
      if (at) located.push(at);
    }
    const keep = new Set(wanted);
    const reads = planStreamReads(located);
    const out: RecordedEvent[] = [];
    for (let i = 0; i < reads.length; i += PARALLEL_READS) {
      const batch = reads.slice(i, i + PARALLEL_READS);
      for (const events of await Promise.all(batch.map((read) => this.readRun(read, keep))))
        out.push(...events);
    }
    return out.sort((a, b) => a.position - b.position);
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    const from = validateReadAll({ fromPosition: options.fromPosition }).from ?? 0;
    return catchUpSubscription(
      {
        pollMs: this.pollMs,
        readPage: (position, maxCount) =>
          this.closed
            ? []
            : this.readIndexed(position, Math.min(this.index.size, position + maxCount)),
        onCommit: (wake, end) => {
          this.listeners.set(wake, end);
          return () => this.listeners.delete(wake);
        },
      },
      from,
    );
  }

  async count(): Promise<number> {
    this.assertOpen();
    await this.syncToHead();
    return this.index.size;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const end of [...this.listeners.values()]) end();
    this.listeners.clear();
    this.settleWaiters(new Error('event store is closed'));
    await this.subscription?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }

  /** The events of one planned stream read whose positions are in `keep`. */
  private async readRun(read: StreamRead, keep: ReadonlySet<number>): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(read.streamId, {
        direction: FORWARDS,
        fromRevision: BigInt(read.fromRevision),
        maxCount: BigInt(read.count),
      })) {
        const event = resolved.event;
        const ordinal = event ? this.index.ordinalOfId(event.id) : undefined;
        if (event && ordinal !== undefined && keep.has(ordinal))
          events.push(toRecordedEvent(event, ordinal, this.index.recordedAt(ordinal)));
      }
    } catch (error) {
      // A deleted stream's events are no longer there to read (see the class comment).
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }

  /** Events with positions [from, end), all already indexed, in order. */
  private async readIndexed(from: number, end: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let cursor = this.index.logPosition(from);
    while (cursor && from + events.length < end) {
      let progressed = false;
      let readCount = 0;
      const page = this.client.readAll({
        fromPosition: toEsdbPosition(cursor),
        direction: FORWARDS,
        maxCount: PAGE,
      });
      for await (const resolved of page) {
        const event = resolved.event;
        if (!event) continue;
        cursor = toLogPosition(event.position);
        readCount++;
        if (!isLedgerEvent(event.streamId, event.type)) continue;
        const ordinal = this.index.ordinalOfId(event.id);
        if (ordinal === undefined || ordinal < from + events.length) continue;
        if (ordinal !== from + events.length)
          throw new Error(`$all read skipped position ${from + events.length}`);
        events.push(toRecordedEvent(event, ordinal, this.index.recordedAt(ordinal)));
        progressed = true;
        if (from + events.length >= end) break;
      }
      // A page of only system events still moves the cursor; a page with nothing new is the end.
      if (!progressed && readCount <= 1) break;
    }
    return events;
  }

  /** Follows $all into the index, resubscribing after the last indexed event if the stream drops. */
  private followAll(from: Position | typeof START): void {
    const subscription = this.client.subscribeToAll({
      fromPosition: from,
      filter: excludeSystemEvents(),
    });
    this.subscription = subscription;
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      const event = resolved.event;
      if (!event || !isLedgerEvent(event.streamId, event.type)) return;
      try {
        this.index.add({
          id: event.id,
          streamId: event.streamId,
          revision: Number(event.revision),
          createdMs: event.created.getTime(),
          ...toLogPosition(event.position),
        });
      } catch (error) {
        this.fail(error);
        return;
      }
      this.settleWaiters();
      for (const wake of this.listeners.keys()) wake();
    });
    subscription.on('error', (error: Error) => {
      if (this.closed) return;
      const last = this.index.logPosition(this.index.size - 1);
      setTimeout(() => {
        if (!this.closed) this.followAll(last ? toEsdbPosition(last) : START);
      }, 1000).unref();
      if (this.waiters.size > 0)
        console.warn(`eventstoredb: $all subscription dropped, resubscribing: ${error.message}`);
    });
  }

  /** Resolves once the index holds the newest ledger event the server has now. */
  private async syncToHead(): Promise<void> {
    const head = await this.lastLedgerPosition();
    if (head) await this.waitUntil(() => this.index.reached(head));
  }

  private async lastLedgerPosition(): Promise<LogPosition | undefined> {
    let from: Position | typeof END = END;
    for (;;) {
      let seen = 0;
      const page: StreamingRead<AllStreamResolvedEvent> = this.client.readAll({
        fromPosition: from,
        direction: BACKWARDS,
        maxCount: PAGE,
      });
      for await (const resolved of page) {
        const event: AllStreamResolvedEvent['event'] = resolved.event;
        if (!event) continue;
        seen++;
        if (isLedgerEvent(event.streamId, event.type)) return toLogPosition(event.position);
        from = event.position;
      }
      if (seen < PAGE) return undefined;
    }
  }

  private waitUntil(done: () => boolean): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (done()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `eventstoredb: the $all index did not catch up within ${this.indexTimeoutMs} ms`,
          ),
        );
      }, this.indexTimeoutMs);
      const waiter: Waiter = {
        done,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  private settleWaiters(error?: unknown): void {
    for (const waiter of [...this.waiters]) {
      if (error !== undefined) waiter.reject(error);
      else if (waiter.done()) waiter.resolve();
      else continue;
      this.waiters.delete(waiter);
    }
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.settleWaiters(error);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
    if (this.failure !== undefined) throw this.failure;
  }
}
