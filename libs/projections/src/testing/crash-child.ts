// Child process for the kill test: runs the projection runner over <dataDir> and SIGKILLs
// itself inside the transaction of batch number KILL_AT (after applying, before COMMIT).
import { SqliteEventStore } from '@inr/event-store';
import { PROJECTIONS } from '../projections';
import { ProjectionRunner } from '../runner/projection-runner';
import { openReadModelsDb } from '../store/read-models-db';

async function main(): Promise<void> {
  const [dataDir, killAtText, batchSizeText] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: crash-child <dataDir> <killAt> <batchSize>');
  const killAt = Number(killAtText ?? '0');
  const store = await SqliteEventStore.open({ dataDir, pollMs: 20 });
  const db = openReadModelsDb(dataDir);
  let batches = 0;
  const runner = new ProjectionRunner(store, db, PROJECTIONS, {
    batchSize: Number(batchSizeText ?? '50'),
    hooks: {
      beforeCommit: () => {
        if (++batches === killAt) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  runner.start();
  await runner.waitFor(await store.count());
  await runner.stop();
  db.close();
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
