import { randomBytes } from 'node:crypto';
import { migratePostgres, openPool } from '@inr/event-store';
import { LOCAL_KEY_WRAPPING, type KeyWrapping } from '../personal-data/key-wrapping';
import {
  SubjectErasedError,
  type KeyLookup,
  type PersonalDataKeyStore,
  type WrappedKeys,
} from '../personal-data/key-store';
import { SyncPostgres } from './sync-postgres';

/**
 * One row per person: the wrapped key, or, once erased, no key and the day of the erasure (a
 * tombstone, so a key can never be created for them again). Never edit a shipped migration.
 */
export const PERSONAL_DATA_KEY_MIGRATIONS: readonly string[] = [
  `CREATE TABLE personal_data_keys (
     subject_id  text PRIMARY KEY,
     wrapped_key text,
     wrapping    text NOT NULL,
     created_at  text,
     erased_on   text,
     CHECK ((wrapped_key IS NULL) = (erased_on IS NOT NULL))
   )`,
];

/**
 * How long a key read from the database is used before it is read again. An erasure on another
 * replica reaches this one's views within this time (the same window the file store has between
 * processes); sealing never uses the cache, so new personal data is refused at once.
 */
export const KEY_CACHE_MS = 250;
const CACHE_LIMIT = 10_000;

export interface StoredKeyRow extends KeyRow {
  subject_id: string;
}

interface KeyRow {
  wrapped_key: string | null;
  wrapping: string;
  erased_on: string | null;
}

interface Cached {
  at: number;
  lookup: KeyLookup;
  wrapped?: string;
}

const SELECT_ROW =
  'SELECT wrapped_key, wrapping, erased_on FROM personal_data_keys WHERE subject_id = $1';

/**
 * The personal-data keys in the shared PostgreSQL database, used when DATABASE_URL is set, so
 * every API replica opens what any of them sealed and an erasure on one destroys the key for
 * all. Keys are wrapped exactly as in the file store (KeyWrapping, the KMS hook). Two replicas
 * creating a person's first key at once both insert-if-absent and read back the row: the first
 * committed wins, so nothing is ever sealed under a key that is not the stored one. Synchronous
 * (SyncPostgres), like the file store, on a connection of its own that takes no locks: every
 * statement commits by itself, so a blocked call only ever waits for another connection.
 */
export class PostgresPersonalDataKeys implements PersonalDataKeyStore {
  private readonly cache = new Map<string, Cached>();

  private constructor(
    private readonly db: SyncPostgres,
    private readonly wrapping: KeyWrapping,
  ) {}

  /** Runs the key table's migrations (once, whichever replica starts first), then connects. */
  static async open(
    url: string,
    wrapping: KeyWrapping = LOCAL_KEY_WRAPPING,
  ): Promise<PostgresPersonalDataKeys> {
    const pool = openPool({ url, poolSize: 1 });
    try {
      await migratePostgres(pool, 'personal-data-keys', PERSONAL_DATA_KEY_MIGRATIONS);
    } finally {
      await pool.end();
    }
    return new PostgresPersonalDataKeys(new SyncPostgres(url), wrapping);
  }

  keyFor(subjectId: string): Buffer {
    // Always from the database: an erasure on another replica refuses new data at once.
    const found = this.lookup(subjectId, true);
    if (found.status === 'key') return found.key;
    if (found.status === 'erased') throw new SubjectErasedError(subjectId);
    const key = randomBytes(32);
    const wrapped = this.wrapping.wrap(key, subjectId);
    const [, rows] = this.db.run([
      {
        sql: `INSERT INTO personal_data_keys (subject_id, wrapped_key, wrapping, created_at)
              VALUES ($1, $2, $3, $4) ON CONFLICT (subject_id) DO NOTHING`,
        params: [subjectId, wrapped, this.wrapping.name, new Date().toISOString()],
      },
      // A statement of its own: it sees the row another replica committed first, if any.
      { sql: SELECT_ROW, params: [subjectId] },
    ]);
    const winner = this.remember(subjectId, rows?.[0] as KeyRow | undefined, { wrapped, key });
    if (winner.status === 'key') return winner.key;
    throw new SubjectErasedError(subjectId);
  }

  lookup(subjectId: string, fresh = false): KeyLookup {
    const cached = this.cache.get(subjectId);
    if (!fresh && cached !== undefined && Date.now() - cached.at < KEY_CACHE_MS)
      return cached.lookup;
    const rows = this.db.query<KeyRow>(SELECT_ROW, [subjectId]);
    return this.remember(subjectId, rows[0]);
  }

  prefetch(subjectIds: readonly string[]): void {
    const now = Date.now();
    const stale = subjectIds.filter((id) => {
      const at = this.cache.get(id)?.at;
      return at === undefined || now - at >= KEY_CACHE_MS;
    });
    if (stale.length === 0) return;
    const rows = new Map(this.storedRows(stale).map((row) => [row.subject_id, row]));
    for (const id of stale) this.remember(id, rows.get(id));
  }

  erase(subjectId: string, erasedOn: string): void {
    this.db.query(
      `INSERT INTO personal_data_keys (subject_id, wrapping, erased_on) VALUES ($1, $2, $3)
       ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL,
         erased_on = COALESCE(personal_data_keys.erased_on, EXCLUDED.erased_on)`,
      [subjectId, this.wrapping.name, erasedOn],
    );
    const cached = this.cache.get(subjectId);
    if (cached?.lookup.status === 'key') cached.lookup.key.fill(0);
    this.cache.delete(subjectId);
    try {
      // The old row version still holds the wrapped key until vacuumed (docs/privacy.md §3.2).
      this.db.query('VACUUM personal_data_keys');
    } catch {
      // Best effort: autovacuum gets there later; the key is already unreadable to the ledger.
    }
  }

  subjects(): string[] {
    return this.db
      .query<{
        subject_id: string;
      }>(
        'SELECT subject_id FROM personal_data_keys WHERE wrapped_key IS NOT NULL ORDER BY subject_id',
      )
      .map((r) => r.subject_id);
  }

  /** The stored rows (keys still wrapped) of the subjects named: what a migration compares. */
  storedRows(subjectIds: readonly string[]): StoredKeyRow[] {
    return this.db.query<StoredKeyRow>(
      `SELECT subject_id, wrapped_key, wrapping, erased_on FROM personal_data_keys
       WHERE subject_id = ANY($1::text[])`,
      [subjectIds],
    );
  }

  /**
   * Adds keys kept elsewhere, wrapped as they are, in one statement (all or nothing): a key
   * only where the person has no row; a tombstone always wins (the key, if any, is destroyed).
   */
  importWrapped(wrapping: string, keys: WrappedKeys['keys'], erased: WrappedKeys['erased']): void {
    if (keys.length + erased.length === 0) return;
    const rows = [
      ...keys.map((k) => [k.subjectId, k.wrapped, k.createdAt, null]),
      ...erased.map((e) => [e.subjectId, null, null, e.erasedOn]),
    ];
    const column = (i: number) => rows.map((r) => r[i]);
    this.db.query(
      `INSERT INTO personal_data_keys (subject_id, wrapped_key, wrapping, created_at, erased_on)
       SELECT s, k, $5, c, e FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(s, k, c, e)
       ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL,
         erased_on = COALESCE(personal_data_keys.erased_on, EXCLUDED.erased_on)
       WHERE EXCLUDED.erased_on IS NOT NULL`,
      [column(0), column(1), column(2), column(3), wrapping],
    );
    this.cache.clear();
  }

  close(): void {
    for (const { lookup } of this.cache.values()) if (lookup.status === 'key') lookup.key.fill(0);
    this.cache.clear();
    this.db.close();
  }

  /** The row as a lookup, cached; a key already unwrapped from the same text is reused. */
  private remember(
    subjectId: string,
    row: KeyRow | undefined,
    created?: { wrapped: string; key: Buffer },
  ): KeyLookup {
    let lookup: KeyLookup;
    let wrapped: string | undefined;
    if (row === undefined) lookup = { status: 'unavailable' };
    else if (row.wrapped_key === null) lookup = { status: 'erased', erasedOn: row.erased_on ?? '' };
    else {
      if (row.wrapping !== this.wrapping.name)
        throw new Error(
          `the key of ${subjectId} was written with key wrapping '${row.wrapping}', not '${this.wrapping.name}'`,
        );
      wrapped = row.wrapped_key;
      const before = this.cache.get(subjectId);
      const key =
        created?.wrapped === wrapped
          ? created.key
          : before?.wrapped === wrapped && before.lookup.status === 'key'
            ? before.lookup.key
            : this.wrapping.unwrap(wrapped, subjectId);
      lookup = { status: 'key', key };
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(subjectId, { at: Date.now(), lookup, ...(wrapped && { wrapped }) });
    return lookup;
  }
}
