// Read-model figures: rebuild rate next to a raw read of the same rows, and as-of status latency.
// Run: node -r ./tests/support/register-ts.js tests/bench/projections.ts [events] [dataDir]
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { openReadModelsDb, ReadModels, readVersions, rebuild } from '@inr/projections';
import { benchPreset, generateLedgerStream, toEventData } from '../fixtures/generator';
import { Timings } from './timings';

export interface RebuildBenchOptions {
  events?: number;
  /** Reuse a directory (and its ledger if already written); a temp one is made and removed otherwise. */
  dataDir?: string;
  onProgress?(done: number, total: number, rate: number): void;
}

export interface RebuildBenchFigures {
  events: number;
  rebuildEventsPerSec: number;
  /** Sequential SELECT of the same rows with JSON.parse of data and metadata: the floor a rebuild cannot beat. */
  rawReadParseEventsPerSec: number;
  rebuildSeconds: number;
  peakRssMb: number;
}

export interface AsOfBenchOptions {
  events?: number;
  dataDir?: string;
  samples?: number;
  /** Events the measured trainee should have (the closest trainee is taken). */
  traineeEvents?: number;
  /** Other trainees (closest in event count) queried once each, uncached. */
  coldSamples?: number;
}

export interface AsOfBenchFigures {
  traineeId: string;
  traineeEvents: number;
  samples: number;
  /** One trainee at many asOf points: after the first, its events come from the reader's cache. */
  p50Ms: number;
  p99Ms: number;
  /** First queries of other trainees with about as many events: what an uncached query costs. */
  coldSamples: number;
  coldP50Ms: number;
  coldP99Ms: number;
  coldMaxMs: number;
}

/** Writes the seeded synthetic ledger (tests/fixtures/generator) unless the store already holds it. */
export async function writeBenchLedger(dataDir: string, events: number): Promise<void> {
  const store = await SqliteEventStore.open({ dataDir });
  try {
    if ((await store.count()) >= events) return;
    let pending: Promise<unknown>[] = [];
    for (const op of generateLedgerStream(benchPreset(events))) {
      // Appends queue in order and commit in groups, so per-stream order is kept without awaiting each.
      pending.push(store.append(op.streamId, [toEventData(op)]));
      if (pending.length >= 2000) {
        await Promise.all(pending);
        pending = [];
      }
    }
    await Promise.all(pending);
  } finally {
    await store.close();
  }
}

function rawReadParse(dataDir: string): { rows: number; perSec: number } {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  const started = performance.now();
  let rows = 0;
  for (const row of db
    .prepare('SELECT data, metadata FROM events ORDER BY position')
    .iterate() as Iterable<{
    data: string;
    metadata: string;
  }>) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    rows++;
  }
  db.close();
  return { rows, perSec: Math.round(rows / ((performance.now() - started) / 1000)) };
}

async function withDir<T>(
  dataDir: string | undefined,
  use: (dir: string) => Promise<T>,
): Promise<T> {
  if (dataDir) return use(dataDir);
  const dir = mkdtempSync(join(tmpdir(), 'inr-projections-bench-'));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchRebuild(
  options: RebuildBenchOptions = {},
): Promise<RebuildBenchFigures> {
  const events = options.events ?? 200_000;
  return withDir(options.dataDir, async (dir) => {
    await writeBenchLedger(dir, events);
    const store = await SqliteEventStore.open({ dataDir: dir });
    try {
      const result = await rebuild(store, dir, { onProgress: options.onProgress, eventsDir: dir });
      // The peak so far is the rebuild's (and, for a generated ledger, the generator's); the
      // baseline's 1M parsed rows would add ~55 MiB of main-thread heap to it, so it reads after.
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      const raw = rawReadParse(dir);
      return {
        events: result.events,
        rebuildEventsPerSec: result.rate,
        rawReadParseEventsPerSec: raw.perSec,
        rebuildSeconds: Math.round(result.seconds * 10) / 10,
        peakRssMb,
      };
    } finally {
      await store.close();
    }
  });
}

const ms = (value: number): number => Math.round(value * 100) / 100;

/** p50/p99 of an as-of status query for the trainee whose event count is closest to `traineeEvents`. */
export async function benchAsOfStatus(options: AsOfBenchOptions = {}): Promise<AsOfBenchFigures> {
  const events = options.events ?? 200_000;
  const samples = options.samples ?? 200;
  const target = options.traineeEvents ?? 500;
  const coldSamples = options.coldSamples ?? 100;
  return withDir(options.dataDir, async (dir) => {
    await writeBenchLedger(dir, events);
    const store = await SqliteEventStore.open({ dataDir: dir });
    const probe = openReadModelsDb(dir);
    const hasIndex = probe
      .prepare("SELECT 1 FROM sqlite_master WHERE name = 'projection_versions'")
      .get();
    probe.close();
    if (!hasIndex) await rebuild(store, dir);
    const models = ReadModels.open(store, dir);
    try {
      const db = openReadModelsDb(dir);
      const index = readVersions(db, 'event-index').find((row) => row.status === 'active');
      if (!index) throw new Error('the read models have no active event index');
      const picks = db
        .prepare<[number, number], { key: string; n: number }>(
          `SELECT key, SUM(count) AS n FROM event_index_v${index.version} WHERE key LIKE 'trainee:%'
           GROUP BY key ORDER BY ABS(SUM(count) - ?) LIMIT ?`,
        )
        .all(target, coldSamples + 1);
      db.close();
      const [pick, ...others] = picks;
      if (!pick) throw new Error('no trainee in the bench ledger');
      const traineeId = pick.key.slice('trainee:'.length);
      const head = await store.count();
      const timings = new Timings();
      for (let i = 0; i < samples; i++) {
        // Spread the as-of points over the second half of the ledger (deterministically).
        const asOf = Math.floor(head / 2 + ((i * 7919) % samples) * (head / 2 / samples));
        await timings.timeAsync(() => models.traineeStatus({ traineeId, asOf }));
      }
      const cold = new Timings();
      for (const other of others) {
        const otherId = other.key.slice('trainee:'.length);
        await cold.timeAsync(() => models.traineeStatus({ traineeId: otherId, asOf: head }));
      }
      return {
        traineeId,
        traineeEvents: pick.n,
        samples,
        p50Ms: ms(timings.percentileMs(50)),
        p99Ms: ms(timings.percentileMs(99)),
        coldSamples: cold.count,
        coldP50Ms: ms(cold.percentileMs(50)),
        coldP99Ms: ms(cold.percentileMs(99)),
        coldMaxMs: ms(cold.maxMs()),
      };
    } finally {
      await models.close();
      await store.close();
    }
  });
}

/** Seeds in a child process, so the rebuild's peak RSS below is the rebuild's alone. */
function seedInChild(dir: string, events: number): void {
  const child = spawnSync(
    process.execPath,
    // From source the child needs the TypeScript hook; the compiled bench (dist/) does not.
    [
      ...(__filename.endsWith('.ts')
        ? ['-r', join(__dirname, '..', 'support', 'register-ts.js')]
        : []),
      __filename,
      '--seed',
      String(events),
      dir,
    ],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) throw new Error(`seeding failed (exit ${String(child.status)})`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--seed') {
    writeBenchLedger(args[2]!, Number(args[1])).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  } else {
    // [events] [dataDir]: a given dataDir keeps its ledger for the next run (seeding 1M takes minutes).
    const events = Number(args[0] ?? '200000');
    const dir = args[1] ?? mkdtempSync(join(tmpdir(), 'inr-projections-bench-'));
    (async () => {
      const t0 = performance.now();
      seedInChild(dir, events);
      console.log(
        JSON.stringify({
          ledgerEvents: events,
          seedSeconds: Math.round((performance.now() - t0) / 100) / 10,
        }),
      );
      let last = 0;
      const rebuildFigures = await benchRebuild({
        events,
        dataDir: dir,
        onProgress: (done, total, rate) => {
          if (done - last >= total / 10 || done === total) {
            last = done;
            console.log(`rebuild ${done}/${total} ${rate} ev/s`);
          }
        },
      });
      console.log(JSON.stringify(rebuildFigures));
      console.log(JSON.stringify(await benchAsOfStatus({ events, dataDir: dir })));
    })()
      .catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      })
      .finally(() => {
        if (args[1] === undefined) rmSync(dir, { recursive: true, force: true });
      });
  }
}
