import { Observable } from 'rxjs';
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
import { expectedRevisionHolds, replayedAppend } from '../port/append-rules';
import { WrongExpectedVersion } from '../port/errors';
import { validateAppend } from '../validation/validate-append';
import {
  validatePositions,
  validateReadAll,
  validateReadStream,
} from '../validation/validate-read';

export interface InMemoryEventStoreOptions {
  /** Chooses recorded times; the store still never lets them go backwards. Default: now. */
  clock?: () => Date;
}

/**
 * The EventStore port in memory, for tests and benches: the same contract as the sqlite and
 * EventStoreDB adapters (tests/contract runs it), nothing durable. `events` is the global
 * order itself, public so a test can tamper with a recorded event the way a corrupted or
 * hostile store would.
 */
export class InMemoryEventStore implements EventStore {
  readonly events: RecordedEvent[] = [];
  /** Position of every event id, and the last revision of every stream: appends stay O(1). */
  private readonly positions = new Map<string, number>();
  private readonly revisions = new Map<string, number>();
  private readonly wakers = new Set<() => void>();
  private readonly clock: () => Date;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** A store already holding these events (positions 0..n-1, as recorded), for read-only benches. */
  static holding(events: RecordedEvent[]): InMemoryEventStore {
    const store = new InMemoryEventStore();
    for (const event of events) store.record(event);
    return store;
  }

  async append(
    streamId: string,
    events: EventData[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const append = validateAppend(streamId, events, options.expectedRevision ?? 'any');
    const stream = append.streamId;
    if (append.events.some((e) => this.positions.has(e.id))) {
      return this.replayed(stream, append.events);
    }
    const current = this.revisions.get(stream) ?? -1;
    if (!expectedRevisionHolds(append.expectedRevision, current)) {
      throw new WrongExpectedVersion(stream, append.expectedRevision, current);
    }
    const last = this.events[this.events.length - 1];
    const now = this.clock().toISOString();
    const recordedAt = last !== undefined && last.recordedAt > now ? last.recordedAt : now;
    const firstPosition = this.events.length;
    append.events.forEach((event, i) => {
      this.record({
        streamId: stream,
        revision: current + 1 + i,
        position: firstPosition + i,
        id: event.id,
        type: event.type,
        data: JSON.parse(event.dataJson),
        metadata: JSON.parse(event.metadataJson),
        recordedAt,
      });
    });
    for (const wake of [...this.wakers]) wake();
    return {
      streamId: stream,
      nextExpectedRevision: current + append.events.length,
      firstPosition,
      lastPosition: this.events.length - 1,
    };
  }

  private record(event: RecordedEvent): void {
    this.events.push(event);
    this.positions.set(event.id, event.position);
    this.revisions.set(event.streamId, event.revision);
  }

  private replayed(streamId: string, events: readonly { id: string }[]): AppendResult {
    const written = events.map((e) => {
      const position = this.positions.get(e.id);
      return position === undefined ? undefined : this.events[position];
    });
    return replayedAppend(streamId, events, written);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { direction, from, maxCount } = validateReadStream(options);
    const stream = this.events.filter((e) => e.streamId === streamId);
    const ordered = direction === 'backwards' ? stream.reverse() : stream;
    const picked =
      from === undefined
        ? ordered
        : ordered.filter((e) =>
            direction === 'backwards' ? e.revision <= from : e.revision >= from,
          );
    return picked.slice(0, maxCount ?? picked.length);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { direction, from, maxCount } = validateReadAll(options);
    const max = maxCount ?? this.events.length;
    if (direction === 'backwards') {
      const start = Math.min(from ?? this.events.length - 1, this.events.length - 1);
      const out: RecordedEvent[] = [];
      for (let p = start; p >= 0 && out.length < max; p--) out.push(this.events[p]!);
      return out;
    }
    const start = from ?? 0;
    return this.events.slice(start, start + max);
  }

  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    return validatePositions(positions).flatMap((position) => this.events[position] ?? []);
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    return new Observable<RecordedEvent>((subscriber) => {
      let next = options.fromPosition ?? 0;
      let active = true;
      const pump = (): void => {
        while (active && next < this.events.length) subscriber.next(this.events[next++]!);
      };
      const wake = (): void => void Promise.resolve().then(pump);
      this.wakers.add(wake);
      wake();
      return () => {
        active = false;
        this.wakers.delete(wake);
      };
    });
  }

  async count(): Promise<number> {
    return this.events.length;
  }

  async close(): Promise<void> {
    this.wakers.clear();
  }
}
