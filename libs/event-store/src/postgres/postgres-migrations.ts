import type { Pool } from 'pg';
import { openPool } from './pg-pool';

/**
 * Ordered, append-only schema changes per component (events, ledger, read models share one
 * database); inr_schema records how many ran. Never edit a shipped migration: add the next one.
 */
export type Migrations = readonly string[];

export const EVENT_STORE_MIGRATIONS: Migrations = [
  // `position` is assigned by the append transaction under the append lock: 0-based, gap-free.
  // data and metadata are the JSON text as appended (jsonb would reorder keys and refuse \u0000).
  `CREATE TABLE events (
     position    bigint PRIMARY KEY,
     stream_id   text   NOT NULL,
     revision    bigint NOT NULL,
     event_id    text   NOT NULL UNIQUE,
     type        text   NOT NULL,
     data        text   NOT NULL,
     metadata    text   NOT NULL,
     recorded_at text   NOT NULL,
     UNIQUE (stream_id, revision)
   )`,
];

/** Any constant: the session-level lock that serialises migrations across replicas starting at once. */
const MIGRATION_LOCK = 0x696e7201;

/**
 * Brings one component's schema up to date in one transaction. Replicas that start together
 * queue on a transaction-scoped advisory lock, so exactly one runs each migration.
 */
export async function migratePostgres(
  pool: Pool,
  component: string,
  migrations: Migrations,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS inr_schema (component text PRIMARY KEY, version integer NOT NULL)',
    );
    const row = await client.query<{ version: number }>(
      'SELECT version FROM inr_schema WHERE component = $1',
      [component],
    );
    const current = row.rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(
        `${component} schema is at version ${current}, newer than this build knows (${migrations.length})`,
      );
    }
    for (let v = current; v < migrations.length; v++) await client.query(migrations[v]!);
    await client.query(
      `INSERT INTO inr_schema (component, version) VALUES ($1, $2)
       ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version`,
      [component, migrations.length],
    );
    await client.query('COMMIT');
    return migrations.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Runs one component's migrations over a connection of its own (stores that open their own). */
export async function migrateDatabase(
  url: string,
  component: string,
  migrations: Migrations,
): Promise<void> {
  const pool = openPool({ url, poolSize: 1 });
  try {
    await migratePostgres(pool, component, migrations);
  } finally {
    await pool.end();
  }
}
