import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A command's first response, replayed verbatim to a retry with the same key and body. */
export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
  etag?: string;
}

/**
 * <dataDir>/api.sqlite: Idempotency-Key -> first response, per actor (two people's keys never
 * collide). Losing a row (power cut before the WAL syncs) is safe: event ids derive from the
 * key, so a retry finds its events already in the stream and writes nothing.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<
    [string, string],
    { request_hash: string; status: number; body: string; etag: string | null }
  >;
  private readonly putStmt: Database.Statement<
    [string, string, string, number, string, string | null, string]
  >;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'api.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      subject TEXT NOT NULL,
      key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      status INTEGER NOT NULL,
      body TEXT NOT NULL,
      etag TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (subject, key)
    ) WITHOUT ROWID`);
    this.getStmt = this.db.prepare(
      'SELECT request_hash, status, body, etag FROM idempotency WHERE subject = ? AND key = ?',
    );
    this.putStmt = this.db.prepare(
      'INSERT OR IGNORE INTO idempotency (subject, key, request_hash, status, body, etag, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(subject: string, key: string): StoredResponse | undefined {
    const row = this.getStmt.get(subject, key);
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      status: row.status,
      body: row.body,
      ...(row.etag ? { etag: row.etag } : {}),
    };
  }

  put(subject: string, key: string, response: StoredResponse): void {
    this.putStmt.run(
      subject,
      key,
      response.requestHash,
      response.status,
      response.body,
      response.etag ?? null,
      new Date().toISOString(),
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
