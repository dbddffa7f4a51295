import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openEventStore, type EventStore } from '@inr/event-store';
import { LedgerLog, openLedgerStore, type LedgerStore } from '@inr/ledger';
import type { LedgerConfig } from '@inr/ledger-api/config';

export interface LocalLedger {
  dataDir: string;
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
