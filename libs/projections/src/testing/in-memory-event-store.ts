import { Observable } from 'rxjs';
import { validatePositions } from '@inr/event-store';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '@inr/event-store';

/**
 * A small in-memory EventStore for projection tests: global order, per-stream revisions,
 * catch-up then live subscriptions. No expected-revision checks: projections never append.
 * `clock` lets a test choose recorded times (they must not go backwards).
 */
export class InMemoryEventStore implements EventStore {
  private readonly events: RecordedEvent[] = [];
  private readonly wakers = new Set<() => void>();
  private closed = false;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async append(
    streamId: string,
    events: EventData[],
    _options?: AppendOptions,
  ): Promise<AppendResult> {
    let revision = this.events.filter((e) => e.streamId === streamId).length;
    const last = this.events[this.events.length - 1];
    const now = this.clock().toISOString();
    const recordedAt = last !== undefined && last.recordedAt > now ? last.recordedAt : now;
    const firstPosition = this.events.length;
    for (const event of events) {
      this.events.push({
        streamId,
        revision: revision++,
        position: this.events.length,
        id: event.id,
        type: event.type,
        data: structuredClone(event.data),
        metadata: structuredClone(event.metadata ?? {}),
        recordedAt,
      });
    }
    for (const wake of [...this.wakers]) wake();
    return {
      streamId,
      nextExpectedRevision: revision - 1,
      firstPosition,
      lastPosition: this.events.length - 1,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.events.filter((e) => e.streamId === streamId);
    const ordered = options.direction === 'backwards' ? stream.reverse() : stream;
    const from = options.fromRevision;
    const picked =
      from === undefined
        ? ordered
        : ordered.filter((e) =>
            options.direction === 'backwards' ? e.revision <= from : e.revision >= from,
          );
    return picked.slice(0, options.maxCount ?? picked.length);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from = Math.min(options.fromPosition ?? this.events.length - 1, this.events.length - 1);
      const out: RecordedEvent[] = [];
      for (let p = from; p >= 0 && out.length < max; p--) out.push(this.events[p]!);
      return out;
    }
    const from = options.fromPosition ?? 0;
    return this.events.slice(from, from + Math.min(max, this.events.length));
  }

  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    const wanted = validatePositions(positions);
    return wanted.flatMap((position) => this.events[position] ?? []);
  }

  subscribeToAll(options: { fromPosition?: number } = {}): Observable<RecordedEvent> {
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
    this.closed = true;
    this.wakers.clear();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
