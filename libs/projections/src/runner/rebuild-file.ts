import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import type { LedgerEvent } from '../events/ledger-event';
import { privateDatabaseFile } from '@inr/event-store/private-files';
import { BatchApplier } from './batch-applier';
import { deferIndexes } from './deferred-indexes';
import type { Projection } from './projection';

/**
 * Documents per projection kept in memory across the rebuild's commits: a case is mostly signed
 * off within a few thousand cases of being logged, so keeping the recent ones writes most cases
 * once rather than once per commit they were touched in.
 */
const RETAINED_DOCUMENTS = 8_000;

export interface LoadOptions {
  /** Events per read (bounds the events held in memory at once). */
  pageSize: number;
  /** Events per transaction at least (rounded up to whole pages). */
  commitEvery: number;
  /** Documents per projection kept in memory across commits (default below). */
  retainDocuments?: number;
  /** After each commit: the events applied so far. */
  onCommit?(done: number): void;
}

/** Reads up to `maxCount` events from `from` on, ascending (fewer at the end). */
export type ReadPage = (from: number, maxCount: number) => LedgerEvent[] | Promise<LedgerEvent[]>;

/**
 * Opens a fresh side file for a rebuild. It is thrown away unless the rebuild finishes, so it
 * needs neither a journal nor syncs until then: a failed rebuild deletes it rather than rolling
 * back. Writes append or touch each key's last chunk, so a small page cache loses little and
 * keeps the process lean (temp_store stays on file: the final index sorts may spill).
 */
export function openRebuildFile(dataDir: string, file: string): Database.Database {
  const db = new Database(privateDatabaseFile(dataDir, file));
  // better-sqlite3 opens connections in SQLite's defensive mode, which refuses journal_mode=OFF
  // without a word (the file silently stayed in WAL, every page written twice): lifted for
  // this one pragma.
  db.unsafeMode(true);
  const mode = db.pragma('journal_mode = OFF', { simple: true });
  db.unsafeMode(false);
  if (mode !== 'off') throw new Error(`rebuild side file: journal_mode is ${String(mode)}`);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -16384');
  return db;
}

/** Back to the live file's settings (and synced) before it goes into place. */
export function finishRebuildFile(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Applies the events at positions [0, total) to `projections` in a fresh file, the secondary
 * indexes built once at the end. Returns the number of events applied.
 */
export async function loadProjections(
  db: Database.Database,
  projections: readonly Projection[],
  read: ReadPage,
  total: number,
  options: LoadOptions,
): Promise<number> {
  const applier = new BatchApplier(db, projections);
  applier.retain(options.retainDocuments ?? RETAINED_DOCUMENTS);
  const restoreIndexes = deferIndexes(db);
  let done = 0;
  while (done < total) {
    const page = await read(done, Math.min(options.pageSize, total - done));
    if (page.length === 0) break;
    applier.apply(page);
    done = page[page.length - 1]!.position + 1;
    if (applier.uncommitted >= options.commitEvery || done >= total) {
      applier.commit();
      options.onCommit?.(done);
    }
  }
  applier.retain(0);
  applier.commit();
  restoreIndexes();
  return done;
}

export function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) rmSync(path + suffix);
}
