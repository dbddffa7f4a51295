// Durable append throughput of the sqlite adapter (journal_mode=WAL, synchronous=FULL).
// Run: node --require ./tests/support/register-ts.js tests/bench/event-store-append.ts [seconds]
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';

export interface BenchOptions {
  /** Wall time per scenario. */
  seconds?: number;
  concurrency?: number;
}

export interface BenchFigures {
  sequentialAppendsPerSec: number;
  concurrentAppendsPerSec: number;
  concurrency: number;
  /**
   * p99 event-loop delay (ms) while the concurrent appenders run: how long a request arriving
   * mid-commit would wait. The writer thread exists to keep this near zero.
   */
  concurrentLoopDelayP99Ms: number;
  rawInsertsPerSec: number;
  synchronous: 'FULL';
}

const payload = { caseNo: 1, procedure: 'mechanical thrombectomy', notes: 'x'.repeat(200) };

async function timed(seconds: number, work: (until: number) => Promise<number>): Promise<number> {
  const started = performance.now();
  const done = await work(started + seconds * 1000);
  return done / ((performance.now() - started) / 1000);
}

async function withDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'inr-es-bench-'));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function appendLoop(
  store: SqliteEventStore,
  streamId: string,
  until: number,
): Promise<number> {
  let n = 0;
  while (performance.now() < until) {
    await store.append(streamId, [{ id: randomUUID(), type: 'CaseLogged', data: payload }]);
    n++;
  }
  return n;
}

export async function benchAppends(options: BenchOptions = {}): Promise<BenchFigures> {
  const seconds = options.seconds ?? 3;
  const concurrency = options.concurrency ?? 32;

  const sequentialAppendsPerSec = await withDir(async (dataDir) => {
    const store = await SqliteEventStore.open({ dataDir });
    const rate = await timed(seconds, (until) => appendLoop(store, 'case-seq', until));
    await store.close();
    return rate;
  });

  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  const concurrentAppendsPerSec = await withDir(async (dataDir) => {
    const store = await SqliteEventStore.open({ dataDir });
    loopDelay.enable();
    const rate = await timed(seconds, async (until) => {
      const counts = await Promise.all(
        Array.from({ length: concurrency }, (_, i) => appendLoop(store, `case-w${i}`, until)),
      );
      return counts.reduce((a, b) => a + b, 0);
    });
    loopDelay.disable();
    await store.close();
    return rate;
  });

  const rawInsertsPerSec = await withDir(async (dir) => {
    const db = new Database(join(dir, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, data TEXT NOT NULL)',
    );
    const insert = db.prepare('INSERT INTO events (event_id, data) VALUES (?, ?)');
    const json = JSON.stringify(payload);
    const rate = await timed(seconds, async (until) => {
      let n = 0;
      while (performance.now() < until) {
        insert.run(randomUUID(), json); // autocommit: one transaction, one fsync each
        n++;
      }
      return n;
    });
    db.close();
    return rate;
  });

  return {
    sequentialAppendsPerSec,
    concurrentAppendsPerSec,
    concurrency,
    concurrentLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    rawInsertsPerSec,
    synchronous: 'FULL',
  };
}

if (require.main === module) {
  const seconds = Number(process.argv[2] ?? 3);
  benchAppends({ seconds })
    .then((figures) => {
      const round = (x: number): string => Math.round(x).toLocaleString('en-GB');
      console.log(`sqlite WAL synchronous=${figures.synchronous}, ${seconds}s per scenario`);
      console.log(
        `  batch-1 sequential (await each):  ${round(figures.sequentialAppendsPerSec)} appends/s`,
      );
      console.log(
        `  ${figures.concurrency} concurrent appenders:          ${round(figures.concurrentAppendsPerSec)} appends/s`,
      );
      console.log(
        `    event-loop delay p99 meanwhile:  ${figures.concurrentLoopDelayP99Ms.toFixed(1)} ms`,
      );
      console.log(
        `  raw better-sqlite3 insert/txn:     ${round(figures.rawInsertsPerSec)} inserts/s`,
      );
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
