import type Database from 'better-sqlite3';
import type { Subscription } from 'rxjs';
import type { EventStore, RecordedEvent } from '@inr/event-store';
import { toLedgerEvent, type LedgerEvent } from '../events/ledger-event';
import { BatchApplier, type BatchHooks } from './batch-applier';
import type { Projection } from './projection';

export interface RunnerOptions {
  /** Events per transaction at most; a quiet subscription commits whatever it has at once. */
  batchSize?: number;
  hooks?: BatchHooks;
  /** Called when applying fails; the runner stops (a projection bug must not be skipped over). */
  onError?(error: unknown): void;
}

/** How far the read models trail the ledger: a value a metrics gauge can read. */
export interface Lag {
  /** Events recorded that the read models have not applied yet. */
  eventsBehind: number;
  /** Age of the oldest unapplied event (0 when caught up). */
  secondsBehind: number;
  checkpoint: number;
  head: number;
}

export type RunnerState = 'idle' | 'running' | 'stopped' | 'failed';

/**
 * Catch-up subscription on $all feeding the projections in batches: events collect while the
 * subscription delivers synchronously and are committed, with the checkpoint, on the next turn
 * of the event loop (or as soon as a batch is full).
 */
export class ProjectionRunner {
  private readonly applier: BatchApplier;
  private readonly batchSize: number;
  private subscription: Subscription | undefined;
  private buffer: LedgerEvent[] = [];
  private flushScheduled = false;
  private waiters: { position: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private failure: unknown;
  state: RunnerState = 'idle';

  constructor(
    private readonly store: EventStore,
    db: Database.Database,
    projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.applier = new BatchApplier(db, projections, options.hooks);
    this.batchSize = options.batchSize ?? 1000;
  }

  /** Next position to apply (every event below it is in the read models). */
  get checkpoint(): number {
    return this.applier.checkpoint;
  }

  get error(): unknown {
    return this.failure;
  }

  start(): void {
    if (this.state === 'running') return;
    this.state = 'running';
    this.subscription = this.store
      .subscribeToAll({ fromPosition: this.applier.checkpoint })
      .subscribe({
        next: (event) => this.receive(event),
        error: (error: unknown) => this.fail(error),
      });
  }

  /** Unsubscribes and commits what was already received. */
  async stop(): Promise<void> {
    if (this.state !== 'running') return;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.flush();
    if (this.state === 'running') this.state = 'stopped';
  }

  /** Resolves once every event below `position` is applied (read-your-writes for callers). */
  waitFor(position: number): Promise<void> {
    if (this.checkpoint >= position) return Promise.resolve();
    if (this.state === 'failed') return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  async lag(): Promise<Lag> {
    const head = await this.store.count();
    const checkpoint = this.checkpoint;
    if (checkpoint >= head) return { eventsBehind: 0, secondsBehind: 0, checkpoint, head };
    const [oldest] = await this.store.readAll({ fromPosition: checkpoint, maxCount: 1 });
    const age = oldest ? (Date.now() - Date.parse(oldest.recordedAt)) / 1000 : 0;
    return { eventsBehind: head - checkpoint, secondsBehind: Math.max(0, age), checkpoint, head };
  }

  private receive(event: RecordedEvent): void {
    if (this.state !== 'running') return;
    this.buffer.push(toLedgerEvent(event));
    if (this.buffer.length >= this.batchSize) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.buffer.length === 0 || this.state === 'failed') return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      this.applier.applyBatch(batch);
    } catch (error) {
      this.fail(error);
      return;
    }
    const checkpoint = this.checkpoint;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > checkpoint) return true;
      waiter.resolve();
      return false;
    });
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    this.failure = error;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.buffer = [];
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    this.options.onError?.(error);
  }
}
