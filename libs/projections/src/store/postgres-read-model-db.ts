import { migrateDatabase } from '@inr/event-store';
import { SyncPostgres, SyncPostgresError, type SyncStatement } from '@inr/ledger';
import type { RunnerCoordination } from '../runner/runner-coordination';
import type { ReadModelDb, ReadModelStatement } from './read-model-db';
import {
  NOT_LEADING,
  READ_MODEL_MIGRATIONS,
  READ_MODELS_LEAD_LOCK,
  READ_MODELS_WRITE_LOCK,
} from './read-model-migrations';
import { flattenParams, SqlTemplate } from './sql-params';
import { textAfterSwitch } from './to-active-tables';

/** SQLSTATE undefined_table: what reading a table the leader has just dropped raises. */
const UNDEFINED_TABLE = '42P01';

/**
 * Whether an error's SQLSTATE says this connection, and the session lock with it, is gone: no
 * code or a Node socket error's (ECONNRESET, EPIPE: no SQLSTATE class starts with E) — the
 * socket broke —, class 08 (connection exception), or the server ending the session — 57P01
 * (terminated by an administrator, and what a fast shutdown sends), 57P02 (crash shutdown),
 * 57P03 (cannot connect now).
 */
export function sessionLost(code: string | undefined): boolean {
  return (
    code === undefined || code.startsWith('E') || code.startsWith('08') || /^57P0[123]$/.test(code)
  );
}

/**
 * The read models in the shared PostgreSQL database, behind the synchronous interface the
 * projections and queries use with SQLite (over SyncPostgres: each call blocks one round trip).
 * Inside a transaction, writes are queued and sent together, as one text, with the next read
 * or with the COMMIT: a flush of a thousand documents is one round trip, not a thousand. Every
 * transaction takes READ_MODELS_WRITE_LOCK, so replicas change the tables one at a time.
 * A read that finds its table dropped by another replica's version switch is sent once more on
 * the active version's tables (activeTablesAfter).
 */
export class PostgresReadModelDb implements ReadModelDb, RunnerCoordination {
  readonly dialect = 'postgres';
  private queue: string[] = [];
  private open = false;
  private leading = false;

  constructor(private readonly pg: SyncPostgres) {}

  /** Runs the read models' migrations (once, whichever replica starts first), then connects. */
  static async open(url: string): Promise<PostgresReadModelDb> {
    await migrateDatabase(url, 'read-models', READ_MODEL_MIGRATIONS);
    return new PostgresReadModelDb(new SyncPostgres(url));
  }

  get inTransaction(): boolean {
    return this.open;
  }

  exec(sql: string): void {
    const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
    if (verb === 'BEGIN') {
      if (this.open) throw new Error('read models: a transaction is already open');
      this.pg.run([{ sql: `BEGIN; SELECT pg_advisory_xact_lock(${READ_MODELS_WRITE_LOCK})` }]);
      this.open = true;
    } else if (verb === 'COMMIT') {
      this.send([{ sql: 'COMMIT' }]);
      this.open = false;
    } else if (verb === 'ROLLBACK') {
      this.queue = [];
      this.open = false;
      // Best effort: after a broken connection there is no transaction left to roll back.
      try {
        this.pg.run([{ sql: 'ROLLBACK' }]);
      } catch {
        /* the server dropped the transaction with the connection */
      }
    } else if (this.open) this.queue.push(sql);
    else this.pg.run([{ sql }]);
  }

  prepare<P extends unknown[] | object = unknown[], R = unknown>(
    sql: string,
  ): P extends unknown[] ? ReadModelStatement<P, R> : ReadModelStatement<[P], R> {
    let template = new SqlTemplate(sql);
    const read = (params: unknown[]): R[] => {
      const values = flattenParams(params);
      try {
        return this.send([{ sql: template.numbered, params: values }]) as R[];
      } catch (error) {
        const current = this.activeTablesAfter(error, template.sql);
        if (current === undefined) throw error;
        // Once: the statement keeps the new tables; a second failure is the caller's.
        template = new SqlTemplate(current);
        return this.send([{ sql: template.numbered, params: values }]) as R[];
      }
    };
    const statement: ReadModelStatement<unknown[], R> = {
      run: (...params) => {
        const values = flattenParams(params);
        if (this.open) this.queue.push(template.inline(values));
        else this.pg.run([{ sql: template.numbered, params: values }]);
      },
      get: (...params) => read(params)[0],
      all: (...params) => read(params),
      iterate: (...params) => read(params)[Symbol.iterator](),
    };
    return statement as P extends unknown[] ? ReadModelStatement<P, R> : ReadModelStatement<[P], R>;
  }

  transaction<T>(fn: () => T): () => T {
    return () => {
      this.exec('BEGIN');
      try {
        const result = fn();
        this.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.open) this.exec('ROLLBACK');
        throw error;
      }
    };
  }

  /**
   * Takes (or confirms) the session lock that makes this connection the one applying events.
   * Never waits; the lock goes with the connection, so a replica that dies frees it.
   */
  tryLead(): boolean {
    if (this.open) return this.leading;
    const [row] = this.pg.query<{ held: boolean }>(
      `SELECT CASE WHEN $1 THEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'
         AND pid = pg_backend_pid() AND classid = 0 AND objid = ${READ_MODELS_LEAD_LOCK}
         AND objsubid = 1 AND granted)
         ELSE pg_try_advisory_lock(${READ_MODELS_LEAD_LOCK}) END AS held`,
      [this.leading],
    );
    this.leading = row?.held === true;
    return this.leading;
  }

  /**
   * The batch's checkpoint move found another leader, or the connection (and the lock with it)
   * broke: nothing of the batch is committed, so the runner follows instead of failing.
   */
  lostLead(error: unknown): boolean {
    if (!(error instanceof SyncPostgresError)) return false;
    const code = error.code;
    const lost = code === NOT_LEADING || sessionLost(code);
    if (lost) this.leading = false;
    return lost;
  }

  close(): void {
    this.pg.close();
  }

  /** A read that found no table: its text after the leader's version switch, if there was one. */
  private activeTablesAfter(error: unknown, sql: string): string | undefined {
    return error instanceof SyncPostgresError && error.code === UNDEFINED_TABLE
      ? textAfterSwitch(this, sql)
      : undefined;
  }

  /** Sends the queued writes, then `statements`; returns the last statement's rows. */
  private send(statements: SyncStatement[]): Record<string, unknown>[] {
    const batch =
      this.queue.length > 0 ? [{ sql: this.queue.join(';\n') }, ...statements] : statements;
    this.queue = [];
    const results = this.pg.run(batch);
    return asBuffers(results[results.length - 1] ?? []);
  }
}

/** bytea arrives as Uint8Array (what crosses the thread boundary); the projections use Buffers. */
function asBuffers(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const row of rows)
    for (const key in row) {
      const value = row[key];
      if (value instanceof Uint8Array && !Buffer.isBuffer(value))
        row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  return rows;
}
