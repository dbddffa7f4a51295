// Events applied per second to the read models in PostgreSQL (shared by replicas) beside the same
// events into read-models.sqlite, in the same run: the runner as the service runs it (batches of
// up to 1,000 events, each committed with its checkpoints).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '../../libs/event-store/src/testing/in-memory-event-store';
import { ReadModels } from '../../libs/projections/src/read-models';
import { writeSampleLedger } from '../../libs/projections/src/testing/sample-ledger';

export interface ReadModelRates {
  events: number;
  postgresEventsPerSec: number;
  sqliteEventsPerSec: number;
}

async function applyRate(models: ReadModels, events: number): Promise<number> {
  const started = performance.now();
  models.start();
  await models.runner.waitFor(events);
  const rate = events / ((performance.now() - started) / 1000);
  await models.close();
  return rate;
}

/** A mixed sample ledger (enrolments, cases, sign-offs, amendments, credentials) of `trainees`. */
export async function readModelRates(url: string, trainees: number): Promise<ReadModelRates> {
  const store = new InMemoryEventStore();
  await writeSampleLedger(store, trainees, 24);
  const events = await store.count();
  const dir = mkdtempSync(join(tmpdir(), 'inr-bench-rm-'));
  try {
    const sqliteEventsPerSec = await applyRate(ReadModels.open(store, dir), events);
    const postgresEventsPerSec = await applyRate(await ReadModels.openShared(store, url), events);
    return { events, postgresEventsPerSec, sqliteEventsPerSec };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
