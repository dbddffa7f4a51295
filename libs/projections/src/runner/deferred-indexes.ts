import type Database from 'better-sqlite3';

/**
 * Drops the secondary indexes of a fresh file's tables and returns a function recreating them:
 * building an index once from the finished table is cheaper than keeping it up to date through
 * a million inserts. Only for the rebuild's side file, which nothing reads until it is complete.
 */
export function deferIndexes(db: Database.Database): () => void {
  // sql IS NULL marks the automatic indexes of PRIMARY KEY / UNIQUE: those stay.
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    )
    .all();
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  return () => {
    for (const index of indexes) db.exec(index.sql);
  };
}
