import type { Pool } from 'pg';
import { migratePostgres, openPool, type PostgresConnection } from '@inr/event-store';
import {
  IdempotencyStore,
  slotOf,
  toStoredResponse,
  type ResponseRow,
  type StoredResponse,
} from './idempotency-store';

const MIGRATIONS = [
  `CREATE TABLE idempotency (
     subject      text    NOT NULL,
     key          text    NOT NULL,
     request_hash text    NOT NULL,
     status       integer NOT NULL,
     body         text    NOT NULL,
     etag         text,
     created_at   text    NOT NULL,
     PRIMARY KEY (subject, key)
   )`,
];

interface Waiting {
  subject: string;
  key: string;
  response: StoredResponse;
  done: (kept: StoredResponse) => void;
}

/**
 * The Idempotency-Key table in the shared PostgreSQL database. A response is committed before
 * it is sent (the request awaits put), so a client that retries on another replica, even after
 * this one died, gets the byte-identical first answer. Puts made in one turn of the event loop
 * share one INSERT and one commit. When two replicas answered the same key at once, the row
 * committed first wins and the other replica answers with it.
 */
export class PostgresIdempotencyStore extends IdempotencyStore {
  private queue = new Map<string, Waiting>();
  private flushScheduled = false;

  private constructor(private readonly pool: Pool) {
    super();
  }

  static async connect(connection: PostgresConnection): Promise<PostgresIdempotencyStore> {
    const pool = openPool({ url: connection.url, poolSize: connection.poolSize ?? 2 });
    pool.on('error', () => undefined); // an idle client's error: the next query reconnects
    try {
      await migratePostgres(pool, 'idempotency', MIGRATIONS);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresIdempotencyStore(pool);
  }

  async get(subject: string, key: string): Promise<StoredResponse | undefined> {
    const waiting = this.queue.get(slotOf(subject, key));
    if (waiting) return { ...waiting.response };
    const { rows } = await this.pool.query<ResponseRow>(
      'SELECT request_hash, status, body, etag FROM idempotency WHERE subject = $1 AND key = $2',
      [subject, key],
    );
    return rows[0] && toStoredResponse(rows[0]);
  }

  put(subject: string, key: string, response: StoredResponse): Promise<StoredResponse> {
    const slot = slotOf(subject, key);
    const first = this.queue.get(slot);
    if (first) return Promise.resolve({ ...first.response });
    return new Promise((done) => {
      this.queue.set(slot, { subject, key, response: { ...response }, done });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  async close(): Promise<void> {
    await this.flush();
    await this.pool.end();
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = [...this.queue.values()];
    if (batch.length === 0) return;
    let kept: Map<string, StoredResponse>;
    try {
      kept = await this.write(batch);
    } catch {
      // The events are written whatever happens here: the answer goes out; only a retry on
      // another replica would then be answered afresh (with the same events) instead of replayed.
      kept = new Map();
    }
    for (const w of batch) {
      this.queue.delete(slotOf(w.subject, w.key));
      w.done(kept.get(slotOf(w.subject, w.key)) ?? w.response);
    }
  }

  /** Inserts the batch; returns, for keys another replica stored first, the response it kept. */
  private async write(batch: readonly Waiting[]): Promise<Map<string, StoredResponse>> {
    const col = <T>(f: (w: Waiting) => T): T[] => batch.map(f);
    const now = new Date().toISOString();
    const { rows: inserted } = await this.pool.query<{ subject: string; key: string }>(
      `INSERT INTO idempotency (subject, key, request_hash, status, body, etag, created_at)
       SELECT *, $7::text FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[])
       ON CONFLICT (subject, key) DO NOTHING
       RETURNING subject, key`,
      [
        col((w) => w.subject),
        col((w) => w.key),
        col((w) => w.response.requestHash),
        col((w) => w.response.status),
        col((w) => w.response.body),
        col((w) => w.response.etag ?? null),
        now,
      ],
    );
    const ours = new Set(inserted.map((r) => slotOf(r.subject, r.key)));
    const theirs = batch.filter((w) => !ours.has(slotOf(w.subject, w.key)));
    const kept = new Map<string, StoredResponse>();
    if (theirs.length === 0) return kept;
    const { rows } = await this.pool.query<ResponseRow & { subject: string; key: string }>(
      `SELECT i.subject, i.key, request_hash, status, body, etag FROM idempotency i
       JOIN unnest($1::text[], $2::text[]) AS t(subject, key) USING (subject, key)`,
      [theirs.map((w) => w.subject), theirs.map((w) => w.key)],
    );
    for (const row of rows) kept.set(slotOf(row.subject, row.key), toStoredResponse(row));
    return kept;
  }
}
