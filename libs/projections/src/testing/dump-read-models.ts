import type { ReadModelDb } from '../store/read-model-db';
import { tableNamesFor } from '../runner/projection';
import { readVersions } from '../runner/projection-versions';

/**
 * Every active read-model table's rows, sorted, by projection name and base table name
 * (version suffixes dropped), plus each checkpoint: two builds of the same events must dump
 * identically.
 */
export function dumpReadModels(db: ReadModelDb): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of readVersions(db).filter((r) => r.status === 'active')) {
    const bases = JSON.parse(row.tables) as string[];
    const names = tableNamesFor(bases, row.version);
    out[`${row.name}.checkpoint`] = row.checkpoint;
    for (const base of bases) {
      const rows = db.prepare(`SELECT * FROM ${names[base]}`).all() as Record<string, unknown>[];
      out[`${row.name}.${base}`] = rows.map((r) => JSON.stringify(r)).sort();
    }
  }
  return out;
}
