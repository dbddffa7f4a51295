import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@inr/event-store';
import { toLedgerEvent } from '../events/ledger-event';
import { PROJECTIONS } from '../projections';
import { openReadModelsDb, READ_MODELS_FILE } from '../store/read-models-db';
import { BatchApplier } from './batch-applier';
import type { Projection } from './projection';

export interface RebuildOptions {
  /** After each committed page: events done, events to do, overall rate in events/s. */
  onProgress?(done: number, total: number, rate: number): void;
  /** Events per read and per transaction. */
  pageSize?: number;
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
  const pageSize = options.pageSize ?? 5000;
  const temp = `${READ_MODELS_FILE}.rebuilding`;
  removeDbFiles(join(dataDir, temp));
  const db = openReadModelsDb(dataDir, temp);
  const started = performance.now();
  let done = 0;
  try {
    // The rebuild is disposable until the rename, so it need not sync each page.
    db.pragma('synchronous = OFF');
    const applier = new BatchApplier(db, options.projections ?? PROJECTIONS);
    const total = await store.count();
    while (done < total) {
      const page = await store.readAll({
        fromPosition: done,
        maxCount: Math.min(pageSize, total - done),
      });
      if (page.length === 0) break;
      applier.applyBatch(page.map(toLedgerEvent));
      done = page[page.length - 1]!.position + 1;
      options.onProgress?.(done, total, rate(done, started));
    }
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const live = join(dataDir, READ_MODELS_FILE);
  removeDbFiles(live);
  renameSync(join(dataDir, temp), live);
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
