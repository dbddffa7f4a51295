import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { CASE_EVENTS } from '../case-registry/case-fold';
import { CASE_REGISTRY } from '../case-registry/case-registry-projection';
import { PROJECTIONS } from '../projections';
import { privateDatabaseFile } from '@inr/event-store/private-files';
import type { KeyShare } from './key-share';
import {
  finishRebuildFile,
  openRebuildFile,
  removeDbFiles,
  type LoadOptions,
} from './rebuild-file';
import type { RebuildWorkerData, RebuildWorkerMessage } from './rebuild-worker';

/**
 * The share of the case registry's keys folded in a thread of its own; the other cases are
 * folded beside every other projection, in a thread that parses every event's data anyway.
 * Set so that both threads cost about the same CPU per event (docs/performance.md, Issue 22).
 */
const CASE_SHARE = 0.75;

/** A thread's projections, the event types whose data they read, and any share of keys. */
interface ProjectionGroup {
  projections: string[];
  /** The only event types whose data the group's folds read (all when absent). */
  types?: string[];
  /** Keyed projections folding only a share of their keys, by name. */
  shares?: Record<string, KeyShare>;
}

/**
 * Projection groups rebuilt side by side, one thread each. The case registry (a document per
 * case, most of a rebuild's work) is split by key: most cases alone in the first thread, which
 * parses only case events' data; the rest with every other projection. The first group's side
 * file becomes the result; the other's rows are copied into it.
 */
function projectionGroups(): ProjectionGroup[] {
  const rest = PROJECTIONS.map((p) => p.name).filter((name) => name !== CASE_REGISTRY);
  return [
    {
      projections: [CASE_REGISTRY],
      types: [...CASE_EVENTS],
      shares: { [CASE_REGISTRY]: { from: 0, to: CASE_SHARE } },
    },
    {
      projections: [CASE_REGISTRY, ...rest],
      shares: { [CASE_REGISTRY]: { from: CASE_SHARE, to: 1 } },
    },
  ];
}

/**
 * Each thread's V8 heap is capped: a rebuild keeps little alive (bounded caches, one
 * transaction's documents), but an uncapped heap lets garbage pile up between full collections
 * and the process's memory grow with the ledger.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 24 };

// Each thread loads the worker module itself: compiled, it is the .js beside this file; run
// from source (tests, the bench without a build), the repo's TypeScript hook loads the .ts.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.register) require(workerData.register);
require(workerData.entry).runRebuildWorker();
`;

export interface ThreadedRebuild extends LoadOptions {
  eventsDir: string;
  dataDir: string;
  /** The side file the result is left in. */
  file: string;
  total: number;
}

/** Rebuilds the projection groups in worker threads, then merges their side files into `file`. */
export async function rebuildInThreads(options: ThreadedRebuild): Promise<number> {
  const groups = projectionGroups();
  const files = groups.map((_, i) => (i === 0 ? options.file : `${options.file}-${i}`));
  const progress = groups.map(() => 0);
  const workers: Worker[] = [];
  let ok = false;
  try {
    const finished = await Promise.all(
      groups.map((group, i) =>
        runWorker(
          {
            ...group,
            eventsDir: options.eventsDir,
            dataDir: options.dataDir,
            file: files[i]!,
            total: options.total,
            load: {
              pageSize: options.pageSize,
              commitEvery: options.commitEvery,
              retainDocuments: options.retainDocuments,
            },
          },
          workers,
          (done) => {
            progress[i] = done;
            // The slowest group is how far the rebuild is.
            if (done < options.total) options.onCommit?.(Math.min(...progress));
          },
        ),
      ),
    );
    const db = openRebuildFile(options.dataDir, files[0]!);
    try {
      for (const file of files.slice(1))
        mergeSideFile(db, privateDatabaseFile(options.dataDir, file));
      finishRebuildFile(db);
    } finally {
      db.close();
    }
    const done = Math.min(...finished);
    options.onCommit?.(done);
    ok = true;
    return done;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    for (const [i, file] of files.entries())
      if (i > 0 || !ok) removeDbFiles(join(options.dataDir, file));
  }
}

function runWorker(
  data: RebuildWorkerData,
  workers: Worker[],
  onDone: (done: number) => void,
): Promise<number> {
  const ts = extname(__filename) === '.ts';
  const worker = startWorker({
    eval: true,
    workerData: {
      ...data,
      entry: join(__dirname, `rebuild-worker${extname(__filename)}`),
      register: ts ? typescriptHook() : undefined,
    },
    resourceLimits: RESOURCE_LIMITS,
  });
  workers.push(worker);
  return new Promise((resolve, reject) => {
    worker.on('message', (message: RebuildWorkerMessage) => {
      if ('done' in message) onDone(message.done);
      else if ('finished' in message) resolve(message.finished);
      else reject(new Error(`rebuild worker: ${message.error}`));
    });
    worker.on('error', (error) => reject(new Error(`rebuild worker: ${String(error)}`)));
    worker.on('exit', (code) => reject(new Error(`rebuild worker exited (${code})`)));
  });
}

/** With the parent's node flags; without any when a worker refuses them (V8's, e.g. --expose-gc). */
function startWorker(options: WorkerOptions): Worker {
  try {
    return new Worker(BOOTSTRAP, options);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(BOOTSTRAP, { ...options, execArgv: [] });
  }
}

/**
 * Copies a side file's tables, their indexes and its projections' versions rows into `db`.
 * Same schema on both sides, so SQLite copies the records as they are. A table both files hold
 * (a projection split by key) gets the side file's rows, its indexes being there already; the
 * versions rows of such a projection must then agree (every thread applies every event).
 */
function mergeSideFile(db: Database.Database, path: string): void {
  db.prepare('ATTACH DATABASE ? AS side').run(path);
  try {
    const objects = db
      .prepare<[], { type: string; name: string; tbl: string; sql: string; shared: number }>(
        `SELECT type, name, tbl_name AS tbl, sql,
           EXISTS (SELECT 1 FROM main.sqlite_master m WHERE m.name = s.tbl_name) AS shared
         FROM side.sqlite_master s
         WHERE sql IS NOT NULL AND name <> 'projection_versions' ORDER BY type = 'index'`,
      )
      .all();
    db.transaction(() => {
      for (const object of objects) {
        if (object.type === 'table') {
          if (!object.shared) db.exec(object.sql);
          db.exec(`INSERT INTO main."${object.name}" SELECT * FROM side."${object.name}"`);
        } else if (!object.shared) db.exec(object.sql);
      }
      const differing = db
        .prepare(
          `SELECT s.name FROM side.projection_versions s JOIN main.projection_versions m
           USING (name, version)
           WHERE s.status <> m.status OR s.checkpoint <> m.checkpoint OR s.applied <> m.applied`,
        )
        .all();
      if (differing.length > 0)
        throw new Error('rebuild threads disagree on a projection split by key');
      db.exec(
        `INSERT INTO main.projection_versions SELECT * FROM side.projection_versions s
         WHERE NOT EXISTS (SELECT 1 FROM main.projection_versions m
                           WHERE m.name = s.name AND m.version = s.version)`,
      );
    })();
  } finally {
    db.exec('DETACH DATABASE side');
  }
}

/** The repo's require hook for TypeScript (tests/support/register-ts.js), found upwards. */
function typescriptHook(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const hook = join(dir, 'tests', 'support', 'register-ts.js');
    if (existsSync(hook)) return hook;
  }
  throw new Error('running from TypeScript source without tests/support/register-ts.js');
}
