import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@inr/event-store';
import { toLedgerEvent } from '../events/ledger-event';
import { PROJECTIONS } from '../projections';
import { READ_MODELS_FILE } from '../store/read-models-db';
import type { Projection } from './projection';
import {
  finishRebuildFile,
  loadProjections,
  openRebuildFile,
  removeDbFiles,
  type LoadOptions,
} from './rebuild-file';
import { rebuildInThreads } from './rebuild-threads';

export interface RebuildOptions {
  /** After each commit: events done, events to do, overall rate in events/s. */
  onProgress?(done: number, total: number, rate: number): void;
  /** Events per read (bounds the events held in memory at once). */
  pageSize?: number;
  /** Events per transaction at least (rounded up to whole pages). */
  commitEvery?: number;
  /** Documents per projection kept in memory across commits (tests use few to cross many flushes). */
  retainDocuments?: number;
  projections?: readonly Projection[];
  /**
   * The directory of the embedded store's events.sqlite. With it (and the standard projections)
   * the projection groups are rebuilt in worker threads that read the file themselves.
   */
  eventsDir?: string;
}

export interface RebuildResult {
  events: number;
  seconds: number;
  rate: number;
}

/** The side file a rebuild writes, renamed over the live read models once complete. */
export const REBUILDING_FILE = `${READ_MODELS_FILE}.rebuilding`;

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
  const started = performance.now();
  const total = await store.count();
  const load: LoadOptions = {
    pageSize: options.pageSize ?? 500,
    commitEvery: options.commitEvery ?? 10_000,
    retainDocuments: options.retainDocuments,
    onCommit: (done) => options.onProgress?.(done, total, rate(done, started)),
  };
  const temp = join(dataDir, REBUILDING_FILE);
  removeDbFiles(temp);
  const done =
    options.eventsDir !== undefined && options.projections === undefined
      ? await rebuildInThreads({
          eventsDir: options.eventsDir,
          dataDir,
          file: REBUILDING_FILE,
          total,
          ...load,
        })
      : await rebuildHere(store, dataDir, options.projections ?? PROJECTIONS, total, load);
  const live = join(dataDir, READ_MODELS_FILE);
  removeDbFiles(live);
  renameSync(temp, live);
  const seconds = (performance.now() - started) / 1000;
  return { events: done, seconds, rate: rate(done, started) };
}

/** On this thread, through the store port (any store). */
async function rebuildHere(
  store: EventStore,
  dataDir: string,
  projections: readonly Projection[],
  total: number,
  load: LoadOptions,
): Promise<number> {
  const db = openRebuildFile(dataDir, REBUILDING_FILE);
  let ok = false;
  try {
    const read = async (fromPosition: number, maxCount: number) =>
      (await store.readAll({ fromPosition, maxCount })).map(toLedgerEvent);
    const done = await loadProjections(db, projections, read, total, load);
    finishRebuildFile(db);
    ok = true;
    return done;
  } finally {
    db.close();
    if (!ok) removeDbFiles(join(dataDir, REBUILDING_FILE));
  }
}

function rate(done: number, started: number): number {
  const seconds = (performance.now() - started) / 1000;
  return seconds > 0 ? Math.round(done / seconds) : 0;
}
