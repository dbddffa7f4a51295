/**
 * The synchronous SQL the read models need: what better-sqlite3's Database offers, so the
 * embedded file satisfies it as it is (rebuilds and tools use it so; the service wraps it in
 * SqliteReadModelDb), and what PostgresReadModelDb offers over the synchronous PostgreSQL
 * bridge. Placeholders are `?`.
 */
export interface ReadModelStatement<P extends unknown[] = unknown[], R = unknown> {
  /** A write. On PostgreSQL, inside a transaction it is queued and sent with the COMMIT. */
  run(...params: P): unknown;
  get(...params: P): R | undefined;
  all(...params: P): R[];
  iterate(...params: P): IterableIterator<R>;
}

export interface ReadModelDb {
  readonly inTransaction: boolean;
  /** Statements without parameters (DDL, BEGIN/COMMIT/ROLLBACK). */
  exec(sql: string): unknown;
  // The conditional type mirrors better-sqlite3's, so its Database is assignable as it is.
  prepare<P extends unknown[] | object = unknown[], R = unknown>(
    sql: string,
  ): P extends unknown[] ? ReadModelStatement<P, R> : ReadModelStatement<[P], R>;
  /** Wraps `fn` in a transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: () => T): () => T;
  close(): void;
}
