import type { ReadModelDb } from '../store/read-model-db';
import type { LedgerEvent } from '../events/ledger-event';
import { columnType, isPostgres, upsertSql } from '../store/sql-dialect';
import { GenerationCache } from './generation-cache';
import type { KeyedFold } from './keyed-fold';
import { table, type Projection, type ProjectionWriter, type TableNames } from './projection';

export type ColumnValue = string | number | null;

/** Committed documents per cache generation: at most twice this many stay in memory. */
const CACHE_GENERATION = 2_000;
/** Keys per prefetch query. */
const PREFETCH_KEYS = 500;

/** A column copied out of the document so queries can filter and sort on it. */
export interface DocumentColumn<D> {
  name: string;
  /** SQL type, 'TEXT' or 'INTEGER' (mapped per database by columnType). */
  type: string;
  value(doc: D): ColumnValue;
  indexed?: boolean;
}

export interface DocumentProjectionSpec<D> {
  name: string;
  version: number;
  fold: KeyedFold<D>;
  columns: readonly DocumentColumn<D>[];
}

/**
 * A projection storing one JSON document per key plus filter columns. Documents touched in a
 * batch stay in memory and are written once at flush, so a case logged, amended and signed
 * off in one batch costs one write.
 */
export function documentProjection<D>(spec: DocumentProjectionSpec<D>): Projection {
  const base = spec.name.replace(/-/g, '_');
  const columns = spec.columns;
  return {
    name: spec.name,
    version: spec.version,
    tables: [base],
    keyOf: (event) => spec.fold.keyOf(event),
    create(db: ReadModelDb, names: TableNames): void {
      const name = table(names, base);
      const text = columnType(db, 'TEXT');
      const defs = columns.map((c) => `${c.name} ${columnType(db, c.type)}`).join(', ');
      db.exec(
        `CREATE TABLE ${name} (key ${text} PRIMARY KEY, doc ${text} NOT NULL${defs ? ', ' + defs : ''})`,
      );
      for (const c of columns.filter((col) => col.indexed))
        db.exec(`CREATE INDEX ${name}_${c.name} ON ${name} (${c.name})`);
    },
    attach(db: ReadModelDb, names: TableNames): ProjectionWriter {
      const name = table(names, base);
      const select = db.prepare<[string], { doc: string }>(`SELECT doc FROM ${name} WHERE key = ?`);
      const colNames = ['key', 'doc', ...columns.map((c) => c.name)];
      const upsert = db.prepare(upsertSql(db, name, colNames, ['key']));
      const remove = db.prepare(`DELETE FROM ${name} WHERE key = ?`);
      // One parameter array reused for every upsert (a flush can write tens of thousands).
      const row: ColumnValue[] = new Array<ColumnValue>(colNames.length).fill(null);
      // undefined in the map means "deleted in this batch"; a missing entry means "not loaded".
      let touched = new Map<string, D | undefined>();
      // Documents a flush leaves in memory (see ProjectionWriter.retain): none unless asked.
      let retain = 0;
      // Documents as last committed, so a case signed off a few batches after it was logged is
      // not read and parsed again. Folds never mutate a document, so sharing them is safe.
      const committed = new GenerationCache<D>(CACHE_GENERATION);
      // PostgreSQL only: a batch's documents read in a few queries (null: not in the table)
      // where each miss would block one round trip. SQLite keeps one read a key.
      let prefetched = new Map<string, D | null>();
      const load = (key: string): D | undefined => {
        if (touched.has(key)) return touched.get(key);
        const cached = committed.get(key);
        if (cached !== undefined) return cached;
        const early = prefetched.get(key);
        if (early !== undefined) return early ?? undefined;
        const row = select.get(key);
        return row ? (JSON.parse(row.doc) as D) : undefined;
      };
      return {
        apply(event: LedgerEvent): void {
          const key = spec.fold.keyOf(event);
          if (key === undefined) return;
          const next = spec.fold.evolve(load(key), event);
          // Most recently touched last, so a flush that retains documents keeps the recent ones.
          if (retain > 0) touched.delete(key);
          touched.set(key, next);
        },
        prefetch: isPostgres(db)
          ? (events: readonly LedgerEvent[]): void => {
              const keys = new Set<string>();
              for (const event of events) {
                const key = spec.fold.keyOf(event);
                if (key !== undefined && !touched.has(key) && committed.get(key) === undefined)
                  keys.add(key);
              }
              const wanted = [...keys];
              for (let i = 0; i < wanted.length; i += PREFETCH_KEYS) {
                const part = wanted.slice(i, i + PREFETCH_KEYS);
                for (const key of part) prefetched.set(key, null);
                const rows = db
                  .prepare<string[], { key: string; doc: string }>(
                    `SELECT key, doc FROM ${name} WHERE key IN (${part.map(() => '?').join(', ')})`,
                  )
                  .all(...part);
                for (const found of rows) prefetched.set(found.key, JSON.parse(found.doc) as D);
              }
            }
          : undefined,
        flush(): void {
          prefetched = new Map();
          let writable = touched.size - retain;
          for (const [key, doc] of touched) {
            if (writable-- <= 0) break;
            if (retain > 0) touched.delete(key);
            if (doc === undefined) remove.run(key);
            else {
              row[0] = key;
              row[1] = JSON.stringify(doc);
              for (let i = 0; i < columns.length; i++) row[i + 2] = columns[i]!.value(doc);
              upsert.run(row);
            }
            // Cached before COMMIT: reset() drops the cache if the transaction rolls back.
            if (doc === undefined) committed.delete(key);
            else committed.set(key, doc);
          }
          if (retain === 0) touched = new Map();
        },
        retain(count: number): void {
          retain = count;
        },
        reset(): void {
          touched = new Map();
          prefetched = new Map();
          committed.clear();
        },
      };
    },
  };
}

/** Reads the documents of a projection's table (already resolved to its active version). */
export function parseDocs<D>(rows: readonly { doc: string }[]): D[] {
  return rows.map((row) => JSON.parse(row.doc) as D);
}
