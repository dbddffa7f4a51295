import type { ReadModelDb } from '../store/read-model-db';
import type { Subscription } from 'rxjs';
import type { EventStore, RecordedEvent } from '@inr/event-store';
import { toLedgerEvent, type LedgerEvent } from '../events/ledger-event';
import { BatchApplier, type BatchHooks } from './batch-applier';
import type { Projection } from './projection';
import type { RunnerCoordination } from './runner-coordination';

export type { RunnerCoordination } from './runner-coordination';

export interface RunnerOptions {
  /** Events per transaction at most; a quiet subscription commits whatever it has at once. */
  batchSize?: number;
  hooks?: BatchHooks;
  /** Called when applying fails; the runner stops (a projection bug must not be skipped over). */
  onError?(error: unknown): void;
  /** Read models shared by replicas: only the one holding the lead applies events. */
  coordination?: RunnerCoordination;
  /** A following replica's reads of the shared checkpoint while callers wait (ms). */
  followPollMs?: number;
  /** How often a following replica tries to take the lead (ms). */
  leadRetryMs?: number;
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
  private followTimer: NodeJS.Timeout | undefined;
  private nextLeadTry = 0;
  private nextRefresh = 0;
  state: RunnerState = 'idle';
  /** Whether this runner applies events (always, unless coordinated with other replicas). */
  leading = false;

  constructor(
    private readonly store: EventStore,
    db: ReadModelDb,
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
    const coordination = this.options.coordination;
    if (coordination === undefined || coordination.tryLead()) this.lead();
    else this.follow();
  }

  private lead(): void {
    this.leading = true;
    // Another replica may have applied events since this one last looked.
    if (this.options.coordination) this.applier.resync();
    this.release();
    this.subscription = this.store
      .subscribeToAll({ fromPosition: this.applier.checkpoint })
      .subscribe({
        next: (event) => this.receive(event),
        error: (error: unknown) => this.fail(error),
      });
  }

  private follow(): void {
    this.leading = false;
    const poll = this.options.followPollMs ?? 50;
    this.nextLeadTry = Date.now() + (this.options.leadRetryMs ?? 1000);
    this.followTimer = setInterval(() => this.followTick(), poll);
    this.followTimer.unref();
  }

  /** Follows the leader's committed checkpoint; takes the lead when it is free. */
  private followTick(): void {
    const now = Date.now();
    try {
      if (now >= this.nextLeadTry) {
        this.nextLeadTry = now + (this.options.leadRetryMs ?? 1000);
        if (this.options.coordination?.tryLead()) {
          clearInterval(this.followTimer);
          this.followTimer = undefined;
          this.lead();
          return;
        }
      }
      if (this.waiters.length > 0 || now >= this.nextRefresh) {
        this.nextRefresh = now + 1000;
        this.applier.resync();
        this.release();
      }
    } catch {
      // The database is unreachable for now: waiters keep waiting, the next tick tries again.
    }
  }

  /** Unsubscribes and commits what was already received. */
  async stop(): Promise<void> {
    if (this.state !== 'running') return;
    clearInterval(this.followTimer);
    this.followTimer = undefined;
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
      if (this.options.coordination?.lostLead(error)) this.demote();
      else this.fail(error);
      return;
    }
    this.release();
  }

  /** Another replica leads now: stop applying (the batch rolled back) and follow it. */
  private demote(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.buffer = [];
    this.follow();
  }

  /** Resolves the waiters the checkpoint has reached. */
  private release(): void {
    const checkpoint = this.checkpoint;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > checkpoint) return true;
      waiter.resolve();
      return false;
    });
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    clearInterval(this.followTimer);
    this.followTimer = undefined;
    this.failure = error;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.buffer = [];
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    this.options.onError?.(error);
  }
}
