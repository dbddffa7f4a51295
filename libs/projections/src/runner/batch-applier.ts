import type { ReadModelDb } from '../store/read-model-db';
import type { LedgerEvent } from '../events/ledger-event';
import { checkpointWrite, type CheckpointWrite } from '../store/sql-dialect';
import { tableNames, type Projection, type ProjectionWriter } from './projection';
import { ensureVersions, readVersions, switchIfCaughtUp } from './projection-versions';

export interface BatchHooks {
  /** Called inside the transaction after the checkpoint update, just before COMMIT (fault tests crash here). */
  beforeCommit?(lastPosition: number): void;
}

interface State {
  projection: Projection;
  writer: ProjectionWriter;
  checkpoint: number;
  status: 'active' | 'building';
  /** Events applied in the open transaction. */
  pending: number;
}

/**
 * Applies batches of events to every projection and moves each projection's checkpoint in the
 * same SQLite transaction: after a crash, either the whole batch and its checkpoint are there
 * or neither is, so every event is applied exactly once.
 *
 * A transaction may span several `apply` calls before `commit` (the rebuild reads small pages
 * but commits rarely, so a case logged and signed off a few pages apart is written once).
 */
export class BatchApplier {
  private readonly states: State[];
  private readonly saveCheckpoint: CheckpointWrite;
  /** Next position to apply inside the open transaction (undefined when none is open). */
  private next: number | undefined;

  constructor(
    private readonly db: ReadModelDb,
    projections: readonly Projection[],
    private readonly hooks: BatchHooks = {},
  ) {
    ensureVersions(db, projections);
    this.states = projections.map((projection) => ({
      projection,
      writer: projection.attach(db, tableNames(projection)),
      checkpoint: 0,
      status: 'building' as const,
      pending: 0,
    }));
    this.loadCheckpoints();
    this.saveCheckpoint = checkpointWrite(db);
  }

  /** The next position to apply: the lowest committed checkpoint of any projection. */
  get checkpoint(): number {
    let low = Number.POSITIVE_INFINITY;
    for (const state of this.states) low = Math.min(low, state.checkpoint);
    return low;
  }

  /** Events applied but not yet committed. */
  get uncommitted(): number {
    return this.next === undefined ? 0 : this.next - this.checkpoint;
  }

  applyBatch(events: readonly LedgerEvent[]): void {
    if (events.length === 0) return;
    this.apply(events);
    this.commit();
  }

  /** Applies events inside the open transaction (opening one if needed); nothing is durable until commit(). */
  apply(events: readonly LedgerEvent[]): void {
    this.guard(() => {
      if (this.next === undefined) {
        this.db.exec('BEGIN IMMEDIATE');
        this.next = this.checkpoint;
      }
      let next = this.next;
      for (const state of this.states) state.writer.prefetch?.(events);
      for (const event of events) {
        if (event.position < next) continue; // already applied: a redelivery
        if (event.position > next)
          throw new Error(`projection gap: expected position ${next}, got ${event.position}`);
        for (const state of this.states) {
          if (event.position < state.checkpoint) continue;
          state.writer.apply(event);
          state.pending++;
        }
        next = event.position + 1;
      }
      this.next = next;
    });
  }

  /** Writes buffered documents and the checkpoints, then commits the open transaction. */
  commit(): void {
    const next = this.next;
    if (next === undefined) return;
    this.guard(() => {
      for (const state of this.states) state.writer.flush();
      for (const state of this.states)
        if (state.pending > 0)
          this.saveCheckpoint(
            state.projection.name,
            state.projection.version,
            state.checkpoint,
            next,
            state.pending,
          );
      this.hooks.beforeCommit?.(next - 1);
      this.db.exec('COMMIT');
    });
    this.next = undefined;
    for (const state of this.states) {
      if (state.pending > 0) state.checkpoint = next;
      state.pending = 0;
    }
    this.switchCaughtUp();
  }

  /**
   * Forgets what the writers cached and reads the committed checkpoints again: for a shared
   * database, where another replica may have applied events since this one last did.
   */
  resync(): void {
    if (this.next !== undefined) throw new Error('resync inside an open transaction');
    for (const state of this.states) state.writer.reset();
    this.loadCheckpoints();
  }

  /**
   * Lets each writer keep up to `count` recently touched documents across commits (0: none):
   * commits then no longer make everything applied durable, so only a rebuild's side file,
   * which is thrown away unless the rebuild finishes, may use it (with 0 before its last commit).
   */
  retain(count: number): void {
    for (const state of this.states) state.writer.retain?.(count);
    // Back to writing everything: what was retained goes out now, or with the open transaction.
    if (count === 0 && this.next === undefined) {
      this.apply([]);
      this.commit();
    }
  }

  /** Runs a step of the open transaction; on failure rolls everything uncommitted back. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.next = undefined;
      for (const state of this.states) {
        state.writer.reset();
        state.pending = 0;
      }
      this.loadCheckpoints();
      throw error;
    }
  }

  private switchCaughtUp(): void {
    for (const state of this.states) {
      if (
        state.status === 'building' &&
        switchIfCaughtUp(this.db, state.projection.name, state.projection.version)
      )
        state.status = 'active';
    }
  }

  private loadCheckpoints(): void {
    for (const state of this.states) {
      const row = readVersions(this.db, state.projection.name).find(
        (r) => r.version === state.projection.version,
      );
      if (!row || row.status === 'retired')
        throw new Error(`projection ${state.projection.name} is not registered`);
      state.checkpoint = row.checkpoint;
      state.status = row.status;
    }
  }
}
