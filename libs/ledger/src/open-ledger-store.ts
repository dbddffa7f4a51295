import type { EventStoreConfig } from '@inr/event-store';
import { SqliteHashStore, type LedgerStore } from './sqlite-hash-store';

/**
 * Where the tree and its checkpoints live: beside the events in the shared PostgreSQL database
 * when the events are there (one tree for every replica), else <dataDir>/ledger.sqlite.
 */
export async function openLedgerStore(
  store: EventStoreConfig,
  dataDir: string,
): Promise<LedgerStore> {
  if (store.kind !== 'postgres') return new SqliteHashStore(dataDir);
  const { PostgresLedgerStore } = await import('./postgres/postgres-ledger-store');
  return PostgresLedgerStore.open(store.url);
}
