import type { EventStore } from '@inr/event-store';
import { PROJECTIONS } from '../projections';
import { PostgresReadModelDb } from '../store/postgres-read-model-db';
import { tableNamesFor } from './projection';
import { ProjectionRunner } from './projection-runner';
import { readVersions } from './projection-versions';
import type { RebuildOptions, RebuildResult } from './rebuild';

/**
 * Rebuilds the read models in the shared PostgreSQL database: drops every version's tables,
 * then applies all events with large batches under the lead lock, so no replica applies at the
 * same time (a running replica holds the lock: the rebuild refuses). Each batch commits with its
 * checkpoint, so an interrupted rebuild leaves consistent, partial read models that the next
 * runner (or rebuild) continues.
 */
export async function rebuildShared(
  store: EventStore,
  url: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const db = await PostgresReadModelDb.open(url);
  const started = performance.now();
  try {
    if (!db.tryLead())
      throw new Error('an API replica is applying events to the read models: stop it first');
    db.transaction(() => {
      for (const row of readVersions(db)) {
        const names = tableNamesFor(JSON.parse(row.tables) as string[], row.version);
        for (const name of Object.values(names)) db.exec(`DROP TABLE IF EXISTS ${name}`);
      }
      db.exec('DELETE FROM projection_versions');
    })();
    const total = await store.count();
    const runner = new ProjectionRunner(store, db, options.projections ?? PROJECTIONS, {
      batchSize: options.commitEvery ?? 10_000,
      coordination: db,
      hooks: {
        beforeCommit: (last) => options.onProgress?.(last + 1, total, rate(last + 1, started)),
      },
    });
    runner.start();
    await runner.waitFor(total);
    await runner.stop();
    const seconds = (performance.now() - started) / 1000;
    return { events: runner.checkpoint, seconds, rate: rate(runner.checkpoint, started) };
  } finally {
    db.close();
  }
}

function rate(done: number, started: number): number {
  const seconds = (performance.now() - started) / 1000;
  return seconds > 0 ? Math.round(done / seconds) : 0;
}
