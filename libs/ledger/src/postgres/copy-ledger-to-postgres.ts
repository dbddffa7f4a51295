import type { EventStore } from '@inr/event-store';
import { LedgerLog } from '../ledger-log';
import type { SqliteHashStore } from '../sqlite-hash-store';
import type { PostgresLedgerStore } from './postgres-ledger-store';

export interface LedgerCopyResult {
  checkpoints: number;
  treeSize: number;
}

/** The target's ledger is another one: nothing was written. */
export class ForeignLedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForeignLedgerError';
  }
}

/**
 * Moves an embedded ledger's checkpoints (with their cosignatures and times), keys, published
 * checkpoints, resets and witness state into PostgreSQL, then integrates the tree there from
 * the events already copied (`events`: the PostgreSQL store). The target must hold nothing
 * else: a checkpoint of its own at a size we signed differently, or keys we do not have, is
 * refused before anything is written. Running it again changes nothing.
 */
export async function copyLedgerToPostgres(
  source: SqliteHashStore,
  target: PostgresLedgerStore,
  events: EventStore,
  onProgress?: (integrated: number) => void,
): Promise<LedgerCopyResult> {
  const ours = source.checkpoints();
  const notes = new Map(ours.map((c) => [c.size, c.note]));
  const foreign = target.checkpoints().find((c) => notes.get(c.size) !== c.note);
  if (foreign !== undefined)
    throw new ForeignLedgerError(`PostgreSQL holds another checkpoint of size ${foreign.size}`);
  const keys = new Set(source.keys());
  const otherKey = target.keys().find((k) => !keys.has(k));
  if (otherKey !== undefined)
    throw new ForeignLedgerError(`PostgreSQL holds another ledger's key ${otherKey}`);
  target.transaction(() => {
    for (const record of source.keyHistory()) {
      if (record.rotation === undefined) target.recordKey(record.vkey);
      else target.recordRotation(record);
    }
    for (const c of ours) {
      target.importCheckpoint(c);
      target.addCosignatures(c.size, c.cosignatures); // a resumed copy: any collected since
    }
    for (const p of source.published()) target.recordPublished(p);
    for (const r of source.logResets()) target.recordReset(r);
    for (const origin of source.witnessOrigins()) {
      const state = source.witnessState(origin);
      if (state !== undefined && (target.witnessState(origin)?.size ?? -1) < state.size)
        target.setWitnessState(origin, state);
    }
  });
  const log = new LedgerLog(events, target);
  for (;;) {
    const batch = await events.readAll({ fromPosition: log.size(), maxCount: 5000 });
    if (batch.length === 0) break;
    log.integrate(batch);
    onProgress?.(log.size());
  }
  return { checkpoints: ours.length, treeSize: log.size() };
}
