// Worker-thread body of the bulk ingest's Merkle log: the service's integrator and checkpointer
// (LedgerLog.catchUp over the store port, a checkpoint signed each second), on their own
// connections, so the appending thread never waits for them and they never wait for it.
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@inr/event-store';
import { Checkpointer, LedgerLog, loadOrCreateSigningKey, SqliteHashStore } from '@inr/ledger';
import type { IntegratorData, IntegratorReport } from './bulk-ingest';

const port = parentPort;
if (!port) throw new Error('integrator-thread runs only in a worker thread');
const { dataDir, origin, batch, signEveryMs } = workerData as IntegratorData;

/** Nothing new committed: look again after this long. */
const IDLE_MS = 20;

async function run(): Promise<void> {
  let until: number | undefined; // the store's final count, once the appender knows it
  port!.on('message', (n: number) => (until = n));
  const store = await SqliteEventStore.open({ dataDir });
  const hashes = new SqliteHashStore(dataDir);
  const log = new LedgerLog(store, hashes);
  let checkpoints = 0;
  const checkpointer = new Checkpointer(log, hashes, loadOrCreateSigningKey(dataDir, origin), {
    origin,
    onSigned: () => checkpoints++,
  });
  let busyMs = 0;
  let lastSigned = performance.now();
  const report = (done: boolean): void =>
    port!.postMessage({ size: log.size(), busyMs, checkpoints, done } satisfies IntegratorReport);
  try {
    for (;;) {
      const t0 = performance.now();
      const before = log.size();
      const events = await store.readAll({ fromPosition: before, maxCount: batch });
      if (events.length > 0) log.integrate(events);
      if (t0 - lastSigned >= signEveryMs) {
        checkpointer.signNow();
        lastSigned = t0;
      }
      if (events.length > 0) busyMs += performance.now() - t0;
      report(false);
      if (until !== undefined && log.size() >= until) break;
      if (events.length === 0) await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    }
    // The last leaves under a checkpoint too, as the service's next interval would sign them.
    checkpointer.signNow();
    report(true);
  } finally {
    checkpointer.close();
    hashes.close();
    await store.close();
  }
}

// A failure rejects here, which ends the thread with an 'error' event the appender rethrows.
void run();
