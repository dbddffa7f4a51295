import type Database from 'better-sqlite3';
import type { ReadModelDb, ReadModelStatement } from './read-model-db';
import { textAfterSwitch } from './to-active-tables';

/**
 * What SQLite raises for a statement naming a table that no longer exists. By code and text,
 * not instanceof: the native module keeps the SqliteError class (and the Error it extends) of
 * the context that loaded it first, which under Jest is another test file's.
 */
function undefinedTable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'SQLITE_ERROR' && typeof message === 'string' && message.startsWith('no such table: ')
  );
}

/**
 * The embedded read-models file, with one difference from better-sqlite3's Database: a read
 * outside a transaction that finds its table dropped is run once more on the active version's
 * tables. The process's projection runner shares this connection with its queries and applies
 * batches while a query awaits the ledger; when the batch switches a projection to a new
 * version it drops the old version's tables, which the query resolved before its await (as
 * PostgresReadModelDb does for another replica's switch; see docs/architecture.md).
 */
export class SqliteReadModelDb implements ReadModelDb {
  constructor(private readonly sqlite: Database.Database) {}

  get inTransaction(): boolean {
    return this.sqlite.inTransaction;
  }

  exec(sql: string): unknown {
    return this.sqlite.exec(sql);
  }

  prepare<P extends unknown[] | object = unknown[], R = unknown>(
    sql: string,
  ): P extends unknown[] ? ReadModelStatement<P, R> : ReadModelStatement<[P], R> {
    let text = sql;
    let prepared: Database.Statement<unknown[], R> | undefined;
    let failed: unknown;
    try {
      prepared = this.sqlite.prepare<unknown[], R>(text);
    } catch (error) {
      // Kept for the first read, which may find the table's successor; a write throws it.
      if (this.inTransaction || !undefinedTable(error)) throw error;
      failed = error;
    }
    const statement = (): Database.Statement<unknown[], R> => {
      if (prepared === undefined) throw failed;
      return prepared;
    };
    const read = <T>(call: (s: Database.Statement<unknown[], R>) => T): T => {
      try {
        return call(statement());
      } catch (error) {
        const current = this.activeTablesAfter(error, text);
        if (current === undefined) throw error;
        // Once: the statement keeps the new tables; a second failure is the caller's.
        text = current;
        prepared = this.sqlite.prepare<unknown[], R>(current);
        return call(prepared);
      }
    };
    const wrapped: ReadModelStatement<unknown[], R> = {
      run: (...params) => statement().run(...params),
      get: (...params) => read((s) => s.get(...params)),
      all: (...params) => read((s) => s.all(...params)),
      // SQLite reports a missing table at the first step, so the retry covers the first row.
      iterate: (...params) => {
        const [first, rest] = read((s) => {
          const rows = s.iterate(...params);
          return [rows.next(), rows] as const;
        });
        return (function* () {
          if (first.done) return;
          yield first.value;
          yield* rest;
        })();
      },
    };
    return wrapped as P extends unknown[] ? ReadModelStatement<P, R> : ReadModelStatement<[P], R>;
  }

  transaction<T>(fn: () => T): () => T {
    return this.sqlite.transaction(fn);
  }

  close(): void {
    this.sqlite.close();
  }

  /** A read that found no table: its text after a version switch, if there was one. */
  private activeTablesAfter(error: unknown, sql: string): string | undefined {
    // Through this wrapper, so the versions read is the statement every query already prepared.
    return undefinedTable(error) ? textAfterSwitch(this, sql) : undefined;
  }
}
