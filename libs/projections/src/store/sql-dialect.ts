import type { PostgresReadModelDb } from './postgres-read-model-db';
import type { ReadModelDb } from './read-model-db';

/**
 * The few places the read models' SQL differs between the embedded SQLite file and PostgreSQL,
 * in one file. Everything else the projections and queries send is common SQL.
 */
export function isPostgres(db: ReadModelDb): db is PostgresReadModelDb {
  // By its dialect, not instanceof: importing the class would load the PostgreSQL bridge and
  // the store clients into every rebuild thread (~650 modules instead of ~100).
  return (db as Partial<Pick<PostgresReadModelDb, 'dialect'>>).dialect === 'postgres';
}

/**
 * A column type. On PostgreSQL, text compares byte-wise (COLLATE "C", as SQLite does, so
 * ORDER BY answers the same), integers are 64-bit and blobs are bytea.
 */
export function columnType(db: ReadModelDb, type: string): string {
  if (!isPostgres(db)) return type;
  switch (type.toUpperCase()) {
    case 'TEXT':
      return 'TEXT COLLATE "C"';
    case 'INTEGER':
      return 'BIGINT';
    case 'BLOB':
      return 'BYTEA';
    default:
      return type;
  }
}

/** SQLite's WITHOUT ROWID (one B-tree per table); PostgreSQL has no such option. */
export function withoutRowid(db: ReadModelDb): string {
  return isPostgres(db) ? '' : ' WITHOUT ROWID';
}

/** Inserts a row or replaces the one with the same key. */
export function upsertSql(
  db: ReadModelDb,
  table: string,
  columns: readonly string[],
  key: readonly string[],
): string {
  const values = `(${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  if (!isPostgres(db)) return `INSERT OR REPLACE INTO ${table} ${values}`;
  const set = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO ${table} ${values} ON CONFLICT (${key.join(', ')}) DO ${
    set.length ? `UPDATE SET ${set.join(', ')}` : 'NOTHING'
  }`;
}

/** Moves a projection's checkpoint inside the batch's transaction. */
export type CheckpointWrite = (
  name: string,
  version: number,
  from: number,
  to: number,
  applied: number,
) => void;

/**
 * In SQLite the file has one writer. In PostgreSQL the move is conditional (from `from`, by the
 * replica holding the lead lock), so a batch applied twice or by a replica that lost the lead
 * fails and rolls back with its rows.
 */
export function checkpointWrite(db: ReadModelDb): CheckpointWrite {
  if (isPostgres(db)) {
    const move = db.prepare<[string, number, number, number, number]>(
      'SELECT inr_projection_checkpoint(?, ?, ?, ?, ?)',
    );
    return (name, version, from, to, applied) => move.run(name, version, from, to, applied);
  }
  const update = db.prepare<[number, number, string, number]>(
    'UPDATE projection_versions SET checkpoint = ?, applied = applied + ? WHERE name = ? AND version = ?',
  );
  return (name, version, _from, to, applied) => update.run(to, applied, name, version);
}
