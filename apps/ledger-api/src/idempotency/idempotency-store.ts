import Database from 'better-sqlite3';
import { privateDatabaseFile } from '@inr/event-store';

/** A command's first response, replayed verbatim to a retry with the same key and body. */
export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
  etag?: string;
}

/**
 * Idempotency-Key -> first response, per actor (two people's keys never collide). Embedded:
 * <dataDir>/api.sqlite; with DATABASE_URL: a table in the shared PostgreSQL database, so a retry
 * on another replica gets the first replica's response.
 */
export abstract class IdempotencyStore {
  abstract get(subject: string, key: string): Promise<StoredResponse | undefined>;
  /**
   * Keeps the first response for a key and resolves with the one kept: ours, or one another
   * replica stored first (then the caller answers with that).
   */
  abstract put(subject: string, key: string, response: StoredResponse): Promise<StoredResponse>;
  /**
   * The request that called `get` for this key is done (answered, replayed or refused). A store
   * shared by several HTTP processes holds the key from `get` until then, so same-key requests
   * on two processes run one at a time, as they do within one; here, nothing to do.
   */
  release(_subject: string, _key: string): void {}
  abstract close(): Promise<void>;
}

export interface PendingRow {
  subject: string;
  key: string;
  response: StoredResponse;
  createdAt: string;
}

/**
 * <dataDir>/api.sqlite. Losing a row (power cut before the WAL syncs) is safe: event ids derive from the
 * key, so a retry finds its events already in the stream and writes nothing.
 *
 * Rows put in one turn of the event loop are written together, in one transaction, on the
 * next turn (a transaction per request cost more than the rest of the idempotency check);
 * until then `get` answers them from memory, so a retry sees its first response at once.
 */
export class SqliteIdempotencyStore extends IdempotencyStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string, string], ResponseRow>;
  private readonly putStmt: Database.Statement<
    [string, string, string, number, string, string | null, string]
  >;
  private readonly writeAll: (rows: PendingRow[]) => void;
  private pending = new Map<string, PendingRow>();
  private flushScheduled = false;

  constructor(dataDir: string) {
    super();
    this.db = new Database(privateDatabaseFile(dataDir, 'api.sqlite'));
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
    this.writeAll = this.db.transaction((rows: PendingRow[]) => {
      for (const { subject, key, response, createdAt } of rows) {
        this.putStmt.run(
          subject,
          key,
          response.requestHash,
          response.status,
          response.body,
          response.etag ?? null,
          createdAt,
        );
      }
    });
  }

  get(subject: string, key: string): Promise<StoredResponse | undefined> {
    const waiting = this.pending.get(slotOf(subject, key));
    if (waiting) return Promise.resolve({ ...waiting.response });
    const row = this.getStmt.get(subject, key);
    return Promise.resolve(row && toStoredResponse(row));
  }

  put(subject: string, key: string, response: StoredResponse): Promise<StoredResponse> {
    const slot = slotOf(subject, key);
    // INSERT OR IGNORE: the first response for a key is the one kept.
    const first = this.pending.get(slot);
    if (first) return Promise.resolve({ ...first.response });
    this.pending.set(slot, {
      subject,
      key,
      response: { ...response },
      createdAt: new Date().toISOString(),
    });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return Promise.resolve(response);
  }

  /** Writes the rows put since the last flush, in one transaction. */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.size === 0 || !this.db.open) return;
    try {
      this.writeAll([...this.pending.values()]);
      this.pending = new Map();
    } catch {
      // Busy or failing disk: keep answering from memory and try again shortly.
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setTimeout(() => this.flush(), 100).unref();
      }
    }
  }

  close(): Promise<void> {
    if (!this.db.open) return Promise.resolve();
    this.flush();
    this.db.close();
    return Promise.resolve();
  }
}

export interface ResponseRow {
  request_hash: string;
  status: number;
  body: string;
  etag: string | null;
}

export function toStoredResponse(row: ResponseRow): StoredResponse {
  return {
    requestHash: row.request_hash,
    status: row.status,
    body: row.body,
    ...(row.etag ? { etag: row.etag } : {}),
  };
}

export function slotOf(subject: string, key: string): string {
  return `${subject}\n${key}`;
}
