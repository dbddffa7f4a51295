import type * as Pg from 'pg';
import type * as WorkerThreads from 'node:worker_threads';

export interface SyncStatement {
  sql: string;
  params?: unknown[];
}

export type SyncRequest = { id: number; statements: SyncStatement[] } | { id: number; end: true };

export type SyncReply =
  | { id: number; results: Record<string, unknown>[][] }
  | { id: number; error: { message: string; code?: string } };

export interface SyncThreadInit {
  url: string;
  driverPath: string;
  port: WorkerThreads.MessagePort;
  /** Bumped (and notified) after every reply, so the waiting thread wakes. */
  signal: Int32Array;
}

/**
 * The body of the thread that talks to PostgreSQL for SyncPostgres. Like the SQLite writer
 * thread, it runs from this function's source text, so it is self-contained and requires what
 * it needs itself. One connection; requests are served one at a time, in order; each request's
 * statements run in order on that connection (a transaction spans requests). A connection that
 * broke is dropped, and the next request opens a new one.
 */
/* istanbul ignore next -- runs from its source text, where coverage counters do not exist */
export function syncPostgresThread(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- eval'd code has no import statements */
  const { workerData } = require('node:worker_threads') as typeof WorkerThreads;
  const init = workerData as SyncThreadInit;
  const pg = require(init.driverPath) as typeof Pg;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const INT8 = 20;
  const BYTEA = 17;
  const toNumber = (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} is beyond 2^53`);
    return n;
  };
  // bigint columns (sizes, indices) read as numbers: they stay below 2^53. bytea as a compact
  // Uint8Array: a pooled Buffer would carry its whole 8 KiB pool through postMessage.
  const types = {
    getTypeParser: (oid: number, format?: string) => {
      const parse = pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
      if (format === 'binary') return parse;
      if (oid === INT8) return toNumber;
      if (oid === BYTEA) return (value: string) => Uint8Array.from(parse(value) as Buffer);
      return parse;
    },
  } as unknown as typeof pg.types;
  let client: Pg.Client | undefined;
  const connect = async (): Promise<Pg.Client> => {
    if (client !== undefined) return client;
    const c = new pg.Client({ connectionString: init.url, types });
    c.on('error', () => {
      if (client === c) client = undefined;
    });
    await c.connect();
    client = c;
    return c;
  };
  const serve = async (request: SyncRequest): Promise<SyncReply> => {
    try {
      if ('end' in request) {
        await client?.end();
        client = undefined;
        return { id: request.id, results: [] };
      }
      const c = await connect();
      const results: Record<string, unknown>[][] = [];
      for (const s of request.statements) {
        // Several statements in one text (no parameters) answer with one result each: keep the last.
        const result = (await c.query(s.sql, s.params)) as Pg.QueryResult | Pg.QueryResult[];
        results.push(Array.isArray(result) ? (result[result.length - 1]?.rows ?? []) : result.rows);
      }
      return { id: request.id, results };
    } catch (e) {
      const error = e as { message?: unknown; code?: unknown };
      const code = typeof error.code === 'string' ? error.code : undefined;
      // No SQLSTATE: the connection itself failed; a new one serves the next request.
      if (code === undefined || code.startsWith('08')) {
        const broken = client;
        client = undefined;
        broken?.end().catch(() => undefined);
      }
      return { id: request.id, error: { message: String(error.message ?? e), code } };
    }
  };
  let queue = Promise.resolve();
  init.port.on('message', (request: SyncRequest) => {
    queue = queue.then(async () => {
      init.port.postMessage(await serve(request));
      Atomics.add(init.signal, 0, 1);
      Atomics.notify(init.signal, 0);
    });
  });
}
