import type { LedgerConfig } from '../config/ledger-config';
import { IdempotencyStore, SqliteIdempotencyStore } from './idempotency-store';

/** Beside the events: in the shared PostgreSQL database when there is one, else api.sqlite. */
export async function openIdempotencyStore(config: LedgerConfig): Promise<IdempotencyStore> {
  if (config.store.kind !== 'postgres') return new SqliteIdempotencyStore(config.dataDir);
  const { PostgresIdempotencyStore } = await import('./postgres-idempotency-store');
  return PostgresIdempotencyStore.connect({ url: config.store.url });
}
