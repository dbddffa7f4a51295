import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@inr/event-store';
import { toLedgerEvent } from '../events/ledger-event';
import { PROJECTIONS } from '../projections';
import { openReadModelsDb, READ_MODELS_FILE } from '../store/read-models-db';
import { BatchApplier } from './batch-applier';
import { deferIndexes } from './deferred-indexes';
import type { Projection } from './projection';

export interface RebuildOptions {
  /** After each commit: events done, events to do, overall rate in events/s. */
  onProgress?(done: number, total: number, rate: number): void;
  /** Events per read (bounds the events held in memory at once). */
  pageSize?: number;
  /** Events per transaction at least (rounded up to whole pages). */
  commitEvery?: number;
  projections?: readonly Projection[];
}

export interface RebuildResult {
  events: number;
  seconds: number;
  rate: number;
}

/**
 * Rebuilds every read model from the events into a fresh file next to the live one, then
 * renames it into place: a rebuild that dies leaves the old read models intact. Run it with the
 * API stopped (the CLI's `rebuild`); a running runner would keep the replaced file open.
 */
export async function rebuild(
  store: EventStore,
  dataDir: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const pageSize = options.pageSize ?? 500;
  const commitEvery = options.commitEvery ?? 10_000;
  const temp = join(dataDir, `${READ_MODELS_FILE}.rebuilding`);
  removeDbFiles(temp);
  const db = openReadModelsDb(dataDir, `${READ_MODELS_FILE}.rebuilding`);
  const started = performance.now();
  let done = 0;
  let ok = false;
  try {
    // The side file is thrown away unless the rebuild finishes, so it needs neither a journal
    // nor syncs until then: a failed rebuild deletes it (below) rather than rolling back.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    // Writes append or touch each key's last chunk, so a small page cache loses little and
    // keeps the process lean (temp_store stays on file: the final index sorts may spill).
    db.pragma('cache_size = -16384');
    const applier = new BatchApplier(db, options.projections ?? PROJECTIONS);
    const restoreIndexes = deferIndexes(db);
    const total = await store.count();
    while (done < total) {
      const page = await store.readAll({
        fromPosition: done,
        maxCount: Math.min(pageSize, total - done),
      });
      if (page.length === 0) break;
      applier.apply(page.map(toLedgerEvent));
      done = page[page.length - 1]!.position + 1;
      if (applier.uncommitted >= commitEvery || done >= total) {
        applier.commit();
        options.onProgress?.(done, total, rate(done, started));
      }
    }
    applier.commit();
    restoreIndexes();
    // Back to the live file's settings before it goes into place.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    ok = true;
  } finally {
    db.close();
    if (!ok) removeDbFiles(temp);
  }
  const live = join(dataDir, READ_MODELS_FILE);
  removeDbFiles(live);
  renameSync(temp, live);
  const seconds = (performance.now() - started) / 1000;
  return { events: done, seconds, rate: rate(done, started) };
}

function rate(done: number, started: number): number {
  const seconds = (performance.now() - started) / 1000;
  return seconds > 0 ? Math.round(done / seconds) : 0;
}

function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) rmSync(path + suffix);
}
