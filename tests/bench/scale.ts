// Issue 22's national-scale figures for one ledger size (`npm run bench -- --scale`): how fast
// the generator's ledger goes in, then, over that ledger, the Merkle log, inclusion proofs and
// a trust's audit bundle export. Rebuild, asOf and the trust audit come from their own rows.
import { SqliteEventStore } from '@inr/event-store';
import { Checkpointer, LedgerLog, loadOrCreateSigningKey, SqliteHashStore } from '@inr/ledger';
import { auditBundle, ReadModels } from '@inr/projections';
import { writeBenchLedger } from './projections';
import { Timings } from './timings';
import { busiestTrust } from './trust-audit';

const ORIGIN = 'bench.example/inr-ledger';
const FROM = '2023-01-01';
const TO = '2023-12-31';

export interface IngestFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * The generator's ledger written into `dataDir` through the store port, timed end to end. A
 * directory that already holds it (`--scale-ledger`) is timed by its own record: the span
 * between its first and last events' recordedAt.
 */
export async function benchIngest(dataDir: string, events: number): Promise<IngestFigures> {
  const store = await SqliteEventStore.open({ dataDir });
  const held = await store.count();
  const [first] = await store.readAll({ maxCount: 1 });
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  await store.close();
  if (held >= events && first && last) {
    const seconds = (Date.parse(last.recordedAt) - Date.parse(first.recordedAt)) / 1000;
    return { events: held, seconds, eventsPerSecond: Math.round(held / seconds) };
  }
  const started = performance.now();
  await writeBenchLedger(dataDir, events);
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, eventsPerSecond: Math.round(events / seconds) };
}

export interface LedgerAtScaleFigures {
  leaves: number;
  /** Building the Merkle tree (sqlite hashes) over every event, from nothing. */
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
