import type Database from 'better-sqlite3';

/**
 * Ordered, append-only list of schema changes; PRAGMA user_version records how many ran.
 * Never edit a shipped migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: one table; `position` is the rowid, assigned by the store so it stays 0-based and gap-free.
  `CREATE TABLE events (
     position    INTEGER PRIMARY KEY,
     stream_id   TEXT    NOT NULL,
     revision    INTEGER NOT NULL,
     event_id    TEXT    NOT NULL UNIQUE,
     type        TEXT    NOT NULL,
     data        TEXT    NOT NULL,
     metadata    TEXT    NOT NULL,
     recorded_at TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   )`,
];

/** Brings the schema up to date in one immediate transaction, so two processes cannot race. */
export function migrate(db: Database.Database): number {
  return db
    .transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current > MIGRATIONS.length) {
        throw new Error(
          `events.sqlite has schema version ${current}, newer than this build knows (${MIGRATIONS.length})`,
        );
      }
      for (let version = current; version < MIGRATIONS.length; version++) {
        db.exec(MIGRATIONS[version]!);
        db.pragma(`user_version = ${version + 1}`);
      }
      return MIGRATIONS.length;
    })
    .immediate();
}
