import type { ReadModelDb, ReadModelStatement } from '../store/read-model-db';
import { tableNames, tableNamesFor, type Projection } from './projection';

export type VersionStatus = 'active' | 'building' | 'retired';

export interface VersionRow {
  name: string;
  version: number;
  status: VersionStatus;
  /** Next position to apply: every event below it is in the tables, none above. */
  checkpoint: number;
  /** Events applied so far; equals the events processed when each was applied exactly once. */
  applied: number;
  tables: string;
}

/** Connections whose versions table exists, and their prepared reads. */
const prepared = new WeakMap<
  ReadModelDb,
  { all: ReadModelStatement<[], VersionRow>; named: ReadModelStatement<[string], VersionRow> }
>();

export function createVersionsTable(db: ReadModelDb): void {
  db.exec(`CREATE TABLE IF NOT EXISTS projection_versions (
    name       TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('active', 'building', 'retired')),
    checkpoint INTEGER NOT NULL DEFAULT 0,
    applied    INTEGER NOT NULL DEFAULT 0,
    tables     TEXT    NOT NULL,
    PRIMARY KEY (name, version)
  )`);
}

/**
 * Every query reads this (which tables are active, up to where): the table is created and the
 * statements prepared once per connection, since preparing cost more than the read itself.
 */
export function readVersions(db: ReadModelDb, name?: string): VersionRow[] {
  let statements = prepared.get(db);
  if (!statements) {
    createVersionsTable(db);
    const sql = 'SELECT * FROM projection_versions';
    statements = {
      all: db.prepare<[], VersionRow>(`${sql} ORDER BY name, version`),
      named: db.prepare<[string], VersionRow>(`${sql} WHERE name = ? ORDER BY version`),
    };
    prepared.set(db, statements);
  }
  return name ? statements.named.all(name) : statements.all.all();
}

/**
 * Registers the code's version of each projection: the first version of a name starts active;
 * a new version of a known name starts building next to the active one, which keeps serving
 * reads (frozen: its code is gone) until the new one catches up.
 */
export function ensureVersions(db: ReadModelDb, projections: readonly Projection[]): void {
  createVersionsTable(db);
  db.transaction(() => {
    for (const projection of projections) {
      const rows = readVersions(db, projection.name);
      if (rows.some((row) => row.version === projection.version && row.status !== 'retired'))
        continue;
      const hasActive = rows.some((row) => row.status === 'active');
      const names = tableNames(projection);
      for (const name of Object.values(names)) db.exec(`DROP TABLE IF EXISTS ${name}`);
      projection.create(db, names);
      db.prepare(
        `INSERT INTO projection_versions (name, version, status, checkpoint, applied, tables)
         VALUES (?, ?, ?, 0, 0, ?)
         ON CONFLICT (name, version) DO UPDATE SET status = excluded.status, checkpoint = 0, applied = 0`,
      ).run(
        projection.name,
        projection.version,
        hasActive ? 'building' : 'active',
        JSON.stringify(projection.tables),
      );
    }
  })();
}

/** Activates a building version once it is as fresh as the active one, and drops the old tables. */
export function switchIfCaughtUp(db: ReadModelDb, name: string, version: number): boolean {
  return db.transaction(() => {
    const rows = readVersions(db, name);
    const building = rows.find((row) => row.version === version && row.status === 'building');
    if (!building) return false;
    const active = rows.find((row) => row.status === 'active');
    if (active && active.checkpoint > building.checkpoint) return false;
    if (active) {
      for (const old of Object.values(
        tableNamesFor(JSON.parse(active.tables) as string[], active.version),
      ))
        db.exec(`DROP TABLE IF EXISTS ${old}`);
      db.prepare(
        `UPDATE projection_versions SET status = 'retired' WHERE name = ? AND version = ?`,
      ).run(name, active.version);
    }
    db.prepare(
      `UPDATE projection_versions SET status = 'active' WHERE name = ? AND version = ?`,
    ).run(name, version);
    return true;
  })();
}

/** The table names queries should read for a projection: its active version's. */
export function activeTables(db: ReadModelDb, name: string): Readonly<Record<string, string>> {
  const active = readVersions(db, name).find((row) => row.status === 'active');
  if (!active)
    throw new Error(`read model ${name} has no active version: is the projection runner set up?`);
  return tableNamesFor(JSON.parse(active.tables) as string[], active.version);
}
