import type Database from 'better-sqlite3';
import type { LedgerEvent } from '../events/ledger-event';
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
}

/**
 * Applies batches of events to every projection and moves each projection's checkpoint in the
 * same SQLite transaction: after a crash, either the whole batch and its checkpoint are there
 * or neither is, so every event is applied exactly once.
 */
export class BatchApplier {
  private readonly states: State[];
  private readonly saveCheckpoint: Database.Statement<[number, number, string, number]>;

  constructor(
    private readonly db: Database.Database,
    projections: readonly Projection[],
    private readonly hooks: BatchHooks = {},
  ) {
    ensureVersions(db, projections);
    this.states = projections.map((projection) => ({
      projection,
      writer: projection.attach(db, tableNames(projection)),
      checkpoint: 0,
      status: 'building' as const,
    }));
    this.loadCheckpoints();
    this.saveCheckpoint = db.prepare(
      'UPDATE projection_versions SET checkpoint = ?, applied = applied + ? WHERE name = ? AND version = ?',
    );
  }

  /** The next position to apply: the lowest checkpoint of any projection. */
  get checkpoint(): number {
    return Math.min(...this.states.map((state) => state.checkpoint));
  }

  applyBatch(events: readonly LedgerEvent[]): void {
    if (events.length === 0) return;
    const applied = new Map<State, number>();
    try {
      this.db.exec('BEGIN IMMEDIATE');
      let next = this.checkpoint;
      let last = next - 1;
      for (const event of events) {
        if (event.position < next) continue; // already applied: a redelivery
        if (event.position > next)
          throw new Error(`projection gap: expected position ${next}, got ${event.position}`);
        for (const state of this.states) {
          if (event.position < state.checkpoint) continue;
          state.writer.apply(event);
          applied.set(state, (applied.get(state) ?? 0) + 1);
        }
        last = event.position;
        next = event.position + 1;
      }
      for (const state of this.states) state.writer.flush();
      for (const [state, count] of applied)
        this.saveCheckpoint.run(last + 1, count, state.projection.name, state.projection.version);
      this.hooks.beforeCommit?.(last);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const state of this.states) state.writer.reset();
      this.loadCheckpoints();
      throw error;
    }
    for (const state of applied.keys()) state.checkpoint = events[events.length - 1]!.position + 1;
    this.switchCaughtUp();
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
