import { tableNamesFor } from '../runner/projection';
import { readVersions, type VersionRow } from '../runner/projection-versions';
import type { ReadModelDb } from './read-model-db';

/**
 * `sql` with each table of a retired projection version replaced by the same table of that
 * projection's active version; undefined when it names no retired table the active version
 * also has. A follower that resolved a version just before the leader switched (and dropped
 * the old tables) reads the new ones instead: the switch only happens once the new version is
 * at least as fresh, and the query's text is the one it would have built a moment later.
 */
export function toActiveTables(
  sql: string,
  versions: readonly Pick<VersionRow, 'name' | 'version' | 'status' | 'tables'>[],
): string | undefined {
  const names = (row: Pick<VersionRow, 'version' | 'tables'>) =>
    tableNamesFor(JSON.parse(row.tables) as string[], row.version);
  let out = sql;
  for (const retired of versions.filter((row) => row.status === 'retired')) {
    const active = versions.find((row) => row.name === retired.name && row.status === 'active');
    if (!active) continue;
    const now = names(active);
    for (const [base, old] of Object.entries(names(retired))) {
      const current = now[base];
      // Table names are word characters only (`<base>_v<n>`): \b keeps _v1 from matching _v10.
      if (current !== undefined) out = out.replace(new RegExp(`\\b${old}\\b`, 'g'), current);
    }
  }
  return out === sql ? undefined : out;
}

/**
 * A read on `db` that found no table: outside a transaction, if a projection has since been
 * switched to a new version (its old tables dropped), the read's text on the active version's
 * tables; otherwise undefined (the error stands). Both adapters retry once with it.
 */
export function textAfterSwitch(db: ReadModelDb, sql: string): string | undefined {
  // The versions are read through `db` too: were their own table missing, that read's failure
  // must not come back here.
  if (db.inTransaction || resolving.has(db)) return undefined;
  resolving.add(db);
  try {
    return toActiveTables(sql, readVersions(db));
  } finally {
    resolving.delete(db);
  }
}

const resolving = new WeakSet<ReadModelDb>();
