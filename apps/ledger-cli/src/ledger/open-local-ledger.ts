import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openEventStore, type EventStore } from '@inr/event-store';
import { LedgerLog, openLedgerStore, type LedgerStore } from '@inr/ledger';
import type { LedgerConfig } from '@inr/ledger-api/config';
import { ReadModels } from '@inr/projections';

export interface LocalLedger {
  dataDir: string;
  store: LedgerConfig['store'];
  origin: string;
  events: EventStore;
  hashes: LedgerStore;
  log: LedgerLog;
  close(): Promise<void>;
}

/**
 * The data directory as the service sees it (same configuration: store, institution, origin),
 * opened without a server. Safe beside a running one: both sides use WAL.
 */
export async function openLocalLedger(config: LedgerConfig): Promise<LocalLedger> {
  // Opening would create empty files: a mistyped --data-dir must fail, not audit nothing.
  // With PostgreSQL, the tree is in the database beside the events (EventStoreDB: ledger.sqlite).
  const files = { sqlite: ['events.sqlite', 'ledger.sqlite'], eventstoredb: ['ledger.sqlite'] };
  for (const file of config.store.kind === 'postgres' ? [] : files[config.store.kind]) {
    if (!existsSync(join(config.dataDir, file)))
      throw new Error(`no ledger in ${config.dataDir} (${file} is missing)`);
  }
  const events = await openEventStore(config.store);
  const hashes = await openLedgerStore(config.store, config.dataDir);
  return {
    dataDir: config.dataDir,
    store: config.store,
    origin: config.origin,
    events,
    hashes,
    log: new LedgerLog(events, hashes),
    close: async () => {
      hashes.close();
      await events.close();
    },
  };
}

/**
 * The read models the service keeps for this ledger, for queries (the runner is not started):
 * with PostgreSQL the shared tables, otherwise `<dataDir>/read-models.sqlite`.
 */
export function openLocalReadModels(ledger: LocalLedger): Promise<ReadModels> | ReadModels {
  return ledger.store.kind === 'postgres'
    ? ReadModels.openShared(ledger.events, ledger.store.url)
    : ReadModels.open(ledger.events, ledger.dataDir);
}
