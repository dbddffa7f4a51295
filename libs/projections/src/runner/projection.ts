import type { ReadModelDb } from '../store/read-model-db';
import type { LedgerEvent } from '../events/ledger-event';

/** Actual table names of one projection version, by base name (`cases` -> `cases_v2`). */
export type TableNames = Readonly<Record<string, string>>;

/**
 * Writes one projection version's tables. `apply` runs inside the runner's transaction;
 * `flush` writes anything buffered before the commit; `reset` drops buffered state after a
 * rollback so a retried batch starts clean.
 */
export interface ProjectionWriter {
  apply(event: LedgerEvent): void;
  /** Optional: loads at once what applying `events` will read (one round trip, not one a key). */
  prefetch?(events: readonly LedgerEvent[]): void;
  flush(): void;
  reset(): void;
  /**
   * From now on flush() may leave up to `count` most recently touched documents unwritten, for
   * a later flush (0 writes everything again). Only for a rebuild's side file, where a
   * checkpoint need not be durable until the last commit: a document touched again soon is
   * then written once instead of once per commit.
   */
  retain?(count: number): void;
}

/**
 * A versioned read model. Bumping `version` makes the runner build `<table>_v<version>`
 * side by side from position 0 and switch to it once it has caught up with the old one.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Base names of the tables this projection owns. */
  readonly tables: readonly string[];
  create(db: ReadModelDb, names: TableNames): void;
  attach(db: ReadModelDb, names: TableNames): ProjectionWriter;
  /**
   * A projection keeping one document per key: the key an event touches (undefined: none).
   * Every key is folded on its own, so a rebuild may split the keys between threads.
   */
  readonly keyOf?: (event: LedgerEvent) => string | undefined;
}

export function tableNames(projection: Pick<Projection, 'tables' | 'version'>): TableNames {
  return tableNamesFor(projection.tables, projection.version);
}

export function tableNamesFor(tables: readonly string[], version: number): TableNames {
  return Object.fromEntries(tables.map((base) => [base, `${base}_v${version}`]));
}

/** Looks a table up by base name; a typo is a programming error, so it throws. */
export function table(names: TableNames, base: string): string {
  const name = names[base];
  if (name === undefined) throw new Error(`unknown table ${base}`);
  return name;
}
