import type {
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
} from '@inr/event-store';
import { Observable, Subject } from 'rxjs';

/** The parts of the EventStore port the ledger uses, over an array tests may tamper with. */
export class FakeEventStore implements EventStore {
  readonly events: RecordedEvent[] = [];
  private readonly live = new Subject<RecordedEvent>();
  private clock = Date.parse('2025-01-01T00:00:00.000Z');

  async append(streamId: string, events: EventData[]): Promise<AppendResult> {
    const first = this.events.length;
    let revision = this.events.filter((e) => e.streamId === streamId).length - 1;
    for (const e of events) {
      const recorded: RecordedEvent = {
        streamId,
        revision: ++revision,
        position: this.events.length,
        id: e.id,
        type: e.type,
        data: e.data,
        metadata: e.metadata ?? {},
        recordedAt: new Date((this.clock += 1000)).toISOString(),
      };
      this.events.push(recorded);
      this.live.next(recorded);
    }
    return {
      streamId,
      nextExpectedRevision: revision,
      firstPosition: first,
      lastPosition: this.events.length - 1,
    };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.events.filter((e) => e.streamId === streamId);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? 0;
    return this.events.filter((e) => e.position >= from).slice(0, options.maxCount ?? Infinity);
  }

  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    // Ascending, each once, unknown positions left out: the port's contract.
    const wanted = new Set(positions);
    return this.events.filter((e) => wanted.has(e.position));
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    return new Observable<RecordedEvent>((sub) => {
      for (const e of this.events) if (e.position >= (options.fromPosition ?? 0)) sub.next(e);
      return this.live.subscribe(sub);
    });
  }

  async count(): Promise<number> {
    return this.events.length;
  }

  async close(): Promise<void> {
    this.live.complete();
  }
}

/** Append n small training events, spread over a few streams. */
export async function seed(store: FakeEventStore, n: number, offset = 0): Promise<void> {
  for (let i = offset; i < offset + n; i++) {
    await store.append(`trainee-${i % 3}`, [
      {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        type: i % 2 === 0 ? 'ProcedureLogged' : 'SupervisorSignedOff',
        data: { procedure: 'thrombectomy', tici: '2b', n: i, note: `é€ ${i}` },
        metadata: { by: 'test' },
      },
    ]);
  }
}
