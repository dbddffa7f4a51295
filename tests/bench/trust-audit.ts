// A trust's audit of one year, built from the bench ledger as the API builds it, beside a raw
// scan of the same ledger in the same run. Benchmark, not a test.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { openReadModelsDb, ReadModels, readVersions, rebuild } from '@inr/projections';
import { writeBenchLedger } from './projections';
import { Timings } from './timings';

export interface TrustAuditBenchFigures {
  events: number;
  institutionId: string;
  from: string;
  to: string;
  /** Procedures the report counted (so a reader sees what the year held). */
  procedures: number;
  samples: number;
  /** As of the ledger's head: the institution's events from the event index, folded, reported. */
  asOfP50Ms: number;
  asOfP99Ms: number;
  /** From the case registry read model (the live report). */
  liveP99Ms: number;
  /** Sequential read and JSON.parse of every stored event: what any whole-ledger computation pays. */
  rawScanP50Ms: number;
  rawScanP99Ms: number;
}

function rawScan(dataDir: string): number {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    let rows = 0;
    for (const row of db
      .prepare('SELECT data, metadata FROM events ORDER BY position')
      .iterate() as Iterable<{ data: string; metadata: string }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      rows++;
    }
    return rows;
  } finally {
    db.close();
  }
}

/** The institution with the most procedures in the ledger's first full year. */
export function busiestTrust(dataDir: string, from: string, to: string): string {
  const db = openReadModelsDb(dataDir);
  try {
    const registry = readVersions(db, 'case-registry').find((row) => row.status === 'active');
    if (!registry) throw new Error('the read models have no active case registry');
    const row = db
      .prepare<[string, string], { institution_id: string }>(
        `SELECT institution_id FROM case_registry_v${registry.version}
         WHERE performed_on >= ? AND performed_on <= ? GROUP BY institution_id
         ORDER BY COUNT(*) DESC LIMIT 1`,
      )
      .get(from, to);
    if (!row) throw new Error('no case in the bench ledger');
    return row.institution_id;
  } finally {
    db.close();
  }
}

const ms = (value: number): number => Math.round(value * 100) / 100;

export async function benchTrustAudit(options: {
  events: number;
  dataDir: string;
  samples?: number;
}): Promise<TrustAuditBenchFigures> {
  const { events, dataDir } = options;
  const samples = options.samples ?? 20;
  // The bench preset starts on 2023-01-01 and 100k events cover more than a year of it.
  const from = '2023-01-01';
  const to = '2023-12-31';
  await writeBenchLedger(dataDir, events);
  const store = await SqliteEventStore.open({ dataDir });
  const probe = openReadModelsDb(dataDir);
  const built = probe
    .prepare("SELECT 1 FROM sqlite_master WHERE name = 'projection_versions'")
    .get();
  probe.close();
  if (!built) await rebuild(store, dataDir);
  const models = ReadModels.open(store, dataDir);
  try {
    const institutionId = busiestTrust(dataDir, from, to);
    const head = await store.count();
    const query = { institutionId, from, to };
    const asOf = new Timings();
    const live = new Timings();
    const raw = new Timings();
    let procedures = 0;
    // Interleaved, so a change in machine load touches all three alike.
    for (let i = 0; i < samples; i++) {
      await asOf.timeAsync(async () => {
        const report = await models.audit({ ...query, asOf: head });
        procedures = report.rows
          .filter((r) => r.metric === 'procedures')
          .reduce((sum, r) => sum + r.count, 0);
      });
      await live.timeAsync(() => models.audit(query));
      raw.time(() => rawScan(dataDir));
    }
    return {
      events: head,
      institutionId,
      from,
      to,
      procedures,
      samples,
      asOfP50Ms: ms(asOf.percentileMs(50)),
      asOfP99Ms: ms(asOf.percentileMs(99)),
      liveP99Ms: ms(live.percentileMs(99)),
      rawScanP50Ms: ms(raw.percentileMs(50)),
      rawScanP99Ms: ms(raw.percentileMs(99)),
    };
  } finally {
    await models.close();
    await store.close();
  }
}
