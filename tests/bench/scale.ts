// Issue 22's national-scale figures for one ledger size (`npm run bench -- --scale`): how fast
// the generator's ledger goes in, then, over that ledger, the Merkle log, inclusion proofs and
// a trust's audit bundle export. Rebuild, asOf and the trust audit come from their own rows.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { Checkpointer, LedgerLog, loadOrCreateSigningKey, SqliteHashStore } from '@inr/ledger';
import { auditBundle, ReadModels } from '@inr/projections';
import { bulkIngest, type BulkIngestFigures } from './bulk-ingest';
import { Timings } from './timings';
import { busiestTrust } from './trust-audit';

const ORIGIN = 'bench.example/inr-ledger';
const FROM = '2023-01-01';
const TO = '2023-12-31';

export type IngestFigures = BulkIngestFigures;

/** What the ingest measured, kept in the ledger directory: a stopped run's prefix keeps its rate. */
const INGEST_FILE = 'bench-ingest.json';

/**
 * The generator's ledger written into `dataDir` by the bulk ingest (bulk-ingest.ts), timed end
 * to end. A run stopped part-way resumes where the store stands; a directory that already holds
 * `events` (`--scale-ledger`) answers the figures its ingest recorded.
 */
export async function benchIngest(
  dataDir: string,
  events: number,
  onProgress?: (done: number, perSecond: number) => void,
): Promise<IngestFigures> {
  const file = join(dataDir, INGEST_FILE);
  const recorded = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as IngestFigures)
    : undefined;
  const store = await SqliteEventStore.open({ dataDir });
  const held = await store.count();
  await store.close();
  // A directory holding the whole size, or a stopped run's prefix measured as it is.
  if (held >= events) return recorded ?? (await spanOf(dataDir));
  let lastSaved = performance.now();
  const figures = await bulkIngest(dataDir, events, ORIGIN, (done, perSecond, sofar) => {
    onProgress?.(done, perSecond);
    // Saved every ~10 s, so a prefix left by a stopped run is measured at its own rate.
    if (performance.now() - lastSaved > 10_000) {
      lastSaved = performance.now();
      writeFileSync(file, JSON.stringify(resumed(held, recorded, sofar)));
    }
  });
  const total = resumed(held, recorded, figures);
  writeFileSync(file, JSON.stringify(total));
  return total;
}

/** Without a record: the span between the first and last events' recordedAt. */
async function spanOf(dataDir: string): Promise<IngestFigures> {
  const store = await SqliteEventStore.open({ dataDir });
  try {
    const events = await store.count();
    const [first] = await store.readAll({ maxCount: 1 });
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const seconds =
      first && last ? (Date.parse(last.recordedAt) - Date.parse(first.recordedAt)) / 1000 : NaN;
    return {
      events,
      seconds,
      eventsPerSecond: Math.round(events / seconds),
      integrateSeconds: NaN,
      checkpoints: NaN,
      treeSize: NaN,
    };
  } finally {
    await store.close();
  }
}

/**
 * A resumed ingest's figures with those of the run it resumed (`held` events were there). The
 * stopped run's last ~10 s before its last save are not counted as time: a slight overstatement.
 */
function resumed(
  held: number,
  before: IngestFigures | undefined,
  after: IngestFigures,
): IngestFigures {
  if (held === 0 || before === undefined) return after;
  const events = held + after.events;
  const seconds = before.seconds + after.seconds;
  return {
    events,
    seconds,
    eventsPerSecond: Math.round(events / seconds),
    integrateSeconds: before.integrateSeconds + after.integrateSeconds,
    ...(before.cpuMicrosPerEvent !== undefined &&
      after.cpuMicrosPerEvent !== undefined && {
        cpuMicrosPerEvent: Math.round(
          (before.cpuMicrosPerEvent * held + after.cpuMicrosPerEvent * after.events) / events,
        ),
      }),
    checkpoints: before.checkpoints + after.checkpoints,
    treeSize: after.treeSize,
  };
}

export interface LedgerAtScaleFigures {
  leaves: number;
  /** Leaves the tree lacked (a stopped ingest's tail), and the time to integrate them. */
  integratedLeaves: number;
  integrateSeconds: number;
  inclusionP50Ms: number;
  inclusionP99Ms: number;
  /** A trust's audit bundle for a year, as `inr-ledger export --audit` builds it. */
  bundleExportMs: number;
  bundleEvents: number;
}

export async function benchLedgerAtScale(
  dataDir: string,
  samples = 1000,
): Promise<LedgerAtScaleFigures> {
  const store = await SqliteEventStore.open({ dataDir });
  const hashes = new SqliteHashStore(dataDir);
  const models = ReadModels.open(store, dataDir);
  try {
    const log = new LedgerLog(store, hashes);
    const before = log.size();
    const started = performance.now();
    await log.catchUp(5000);
    const integrateSeconds = (performance.now() - started) / 1000;
    const key = loadOrCreateSigningKey(dataDir, ORIGIN);
    const checkpointer = new Checkpointer(log, hashes, key, { origin: ORIGIN });
    const checkpoint = checkpointer.signNow() ?? hashes.latestCheckpoint();
    checkpointer.close();
    if (checkpoint === undefined) throw new Error('no checkpoint signed');
    const n = log.size();
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const proofs = new Timings();
    for (let i = 0; i < samples; i++) proofs.time(() => log.inclusionProof(Math.floor(next() * n)));
    // The bench preset's trainees apply for few credentials, so the bundle is a trust's
    // year of audit (`inr-ledger export --audit`): every procedure event of the trust, proven.
    const scope = { institutionId: busiestTrust(dataDir, FROM, TO), from: FROM, to: TO };
    const t0 = performance.now();
    const bundle = await auditBundle({ context: models.context, log, checkpoint }, scope);
    const bundleExportMs = performance.now() - t0;
    const round = (x: number): number => Math.round(x * 1000) / 1000;
    return {
      leaves: n,
      integratedLeaves: n - before,
      integrateSeconds: Math.round(integrateSeconds * 10) / 10,
      inclusionP50Ms: round(proofs.percentileMs(50)),
      inclusionP99Ms: round(proofs.percentileMs(99)),
      bundleExportMs: Math.round(bundleExportMs),
      bundleEvents: bundle.events.length,
    };
  } finally {
    await models.close();
    hashes.close();
    await store.close();
  }
}
