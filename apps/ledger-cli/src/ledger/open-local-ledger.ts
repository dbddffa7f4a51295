import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openEventStore, type EventStore } from '@inr/event-store';
import { LedgerLog, SqliteHashStore } from '@inr/ledger';
import type { LedgerConfig } from '@inr/ledger-api/config';

export interface LocalLedger {
  dataDir: string;
  origin: string;
  events: EventStore;
  hashes: SqliteHashStore;
  log: LedgerLog;
  close(): Promise<void>;
}

/**
 * The data directory as the service sees it (same configuration: store, institution, origin),
 * opened without a server. Safe beside a running one: both sides use WAL.
 */
export async function openLocalLedger(config: LedgerConfig): Promise<LocalLedger> {
  // Opening would create empty files: a mistyped --data-dir must fail, not audit nothing.
  for (const file of config.store.kind === 'sqlite'
    ? ['events.sqlite', 'ledger.sqlite']
    : ['ledger.sqlite']) {
    if (!existsSync(join(config.dataDir, file)))
      throw new Error(`no ledger in ${config.dataDir} (${file} is missing)`);
  }
  const events = await openEventStore(config.store);
  const hashes = new SqliteHashStore(config.dataDir);
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
