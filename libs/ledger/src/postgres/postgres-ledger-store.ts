import { migrateDatabase } from '@inr/event-store';
import type { LogKeyRecord } from '../key-chain';
import type { LogResetRecord, PublishedCheckpoint } from '../published-checkpoints';
import type { LogReset } from '../log-reset';
import {
  splitLines,
  toCheckpoint,
  toKeyRecord,
  type CheckpointRow,
  type KeyRow,
  type LedgerStore,
  type StoredCheckpoint,
  type WitnessState,
} from '../sqlite-hash-store';
import { LEDGER_MIGRATIONS } from './ledger-migrations';
import { SyncPostgres } from './sync-postgres';
import type { SyncStatement } from './sync-postgres-thread';

/**
 * The transaction lock every replica takes to change the tree or its checkpoints. Its own
 * number (migrations take 0x696e7201, appends 0x696e7202): a synchronous call blocks this
 * process's event loop, so it must never wait for a lock that this process's asynchronous code
 * (an append batch) holds. Only this store's connection touches the ledger tables.
 */
const LEDGER_LOCK = 0x696e7203;
/** Subtree hashes kept in memory; perfect subtrees never change, so a cached one stays right. */
const CACHE_LIMIT = 200_000;
const LEAF_PAGE = 512;

interface Put {
  level: number;
  index: number;
  hash: Uint8Array;
}

/**
 * The ledger's hashes, checkpoints, keys and witness state in the shared PostgreSQL database:
 * one tree for every API replica. Every transaction takes one advisory lock and starts from the
 * size committed before it, so replicas integrate and sign in turn: a size is signed once, by
 * whichever replica gets there first, and always after checking it extends the latest signed
 * checkpoint, whoever signed that. Synchronous (SyncPostgres) because LedgerStore is: a
 * transaction's hash writes are held in memory and sent with its COMMIT, in one round trip.
 */
export class PostgresLedgerStore implements LedgerStore {
  readonly shared = true;
  private cachedSize: number;
  private depth = 0;
  private pending = new Map<string, Put>();
  private sizeChanged = false;
  private readonly cache = new Map<string, Uint8Array>();

  private constructor(private readonly db: SyncPostgres) {
    this.cachedSize = this.readSize();
  }

  /** Runs the ledger's migrations (once, whichever replica starts first), then connects. */
  static async open(url: string): Promise<PostgresLedgerStore> {
    await migrateDatabase(url, 'ledger', LEDGER_MIGRATIONS);
    return new PostgresLedgerStore(new SyncPostgres(url));
  }

  get(level: number, index: number): Uint8Array | undefined {
    const slot = `${level}:${index}`;
    const known = this.pending.get(slot)?.hash ?? this.cache.get(slot);
    if (known !== undefined) return known;
    // Leaves are read in runs (audit, entries): a missed leaf brings the next ones with it.
    const rows = this.db.query<{ idx: number; hash: Uint8Array }>(
      'SELECT idx, hash FROM ledger_subtrees WHERE level = $1 AND idx >= $2 AND idx < $3',
      [level, index, index + (level === 0 ? LEAF_PAGE : 1)],
    );
    for (const row of rows) this.remember(`${level}:${row.idx}`, row.hash);
    return rows.find((r) => r.idx === index)?.hash;
  }

  put(level: number, index: number, hash: Uint8Array): void {
    this.pending.set(`${level}:${index}`, { level, index, hash });
    if (this.depth === 0) this.writePending([]);
  }

  size(): number {
    return this.cachedSize;
  }

  setSize(size: number): void {
    this.cachedSize = size;
    this.sizeChanged = true;
    if (this.depth === 0) this.writePending([]);
  }

  transaction<T>(fn: () => T): T {
    if (this.depth > 0) {
      this.depth++;
      try {
        return fn();
      } finally {
        this.depth--;
      }
    }
    const before = this.cachedSize;
    this.db.run([
      { sql: 'BEGIN' },
      { sql: 'SELECT pg_advisory_xact_lock($1)', params: [LEDGER_LOCK] },
    ]);
    this.depth = 1;
    try {
      this.cachedSize = this.readSize(); // what the other replicas committed before us
      const result = fn();
      this.writePending([{ sql: 'COMMIT' }]);
      return result;
    } catch (error) {
      this.pending.clear();
      this.sizeChanged = false;
      this.cachedSize = before;
      try {
        this.db.query('ROLLBACK');
      } catch {
        // the connection is gone, and the transaction with it
      }
      throw error;
    } finally {
      this.depth = 0;
    }
  }

  /** Forget every subtree hash (checkpoints, keys and witness state stay): for a rebuild. */
  reset(): void {
    this.transaction(() => {
      this.db.query('DELETE FROM ledger_subtrees');
      this.cache.clear();
      this.setSize(0);
    });
  }

  addCheckpoint(size: number, note: string): void {
    this.db.query('INSERT INTO ledger_checkpoints (size, note, signed_at) VALUES ($1, $2, $3)', [
      size,
      note,
      new Date().toISOString(),
    ]);
  }

  /** A checkpoint signed elsewhere (moving an embedded ledger here), as it was stored there. */
  importCheckpoint(c: StoredCheckpoint): void {
    this.db.query(
      `INSERT INTO ledger_checkpoints (size, note, cosignatures, signed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (size) DO NOTHING`,
      [c.size, c.note, c.cosignatures.join(''), c.signedAt],
    );
  }

  addCosignatures(size: number, lines: readonly string[]): void {
    this.transaction(() => {
      const [row] = this.db.query<{ cosignatures: string }>(
        'SELECT cosignatures FROM ledger_checkpoints WHERE size = $1',
        [size],
      );
      if (row === undefined) throw new Error(`no checkpoint of size ${size}`);
      const have = splitLines(row.cosignatures);
      const merged = [...have, ...lines.filter((l) => !have.includes(l))];
      this.db.query('UPDATE ledger_checkpoints SET cosignatures = $1 WHERE size = $2', [
        merged.join(''),
        size,
      ]);
    });
  }

  latestCheckpoint(): StoredCheckpoint | undefined {
    const [row] = this.db.query<CheckpointRow>(
      'SELECT * FROM ledger_checkpoints ORDER BY size DESC LIMIT 1',
    );
    return row === undefined ? undefined : toCheckpoint(row);
  }

  checkpoints(): StoredCheckpoint[] {
    return this.db
      .query<CheckpointRow>('SELECT * FROM ledger_checkpoints ORDER BY size')
      .map(toCheckpoint);
  }

  checkpointPage(fromSize: number, limit: number): StoredCheckpoint[] {
    return this.db
      .query<CheckpointRow>(
        'SELECT * FROM ledger_checkpoints WHERE size >= $1 ORDER BY size LIMIT $2',
        [fromSize, limit],
      )
      .map(toCheckpoint);
  }

  recordKey(vkey: string): void {
    this.db.query(
      'INSERT INTO ledger_keys (vkey, recorded_at) VALUES ($1, $2) ON CONFLICT (vkey) DO NOTHING',
      [vkey, new Date().toISOString()],
    );
  }

  recordRotation(record: LogKeyRecord): void {
    this.db.query(
      `INSERT INTO ledger_keys (vkey, recorded_at, from_size, rotation) VALUES ($1, $2, $3, $4)
       ON CONFLICT (vkey) DO NOTHING`,
      [
        record.vkey,
        new Date().toISOString(),
        record.fromSize,
        record.rotation === undefined ? null : JSON.stringify(record.rotation),
      ],
    );
  }

  keys(): string[] {
    return this.keyRows().map((r) => r.vkey);
  }

  keyHistory(): LogKeyRecord[] {
    return this.keyRows().map(toKeyRecord);
  }

  witnessState(origin: string): WitnessState | undefined {
    const [row] = this.db.query<{ size: number; root: Uint8Array }>(
      'SELECT size, root FROM ledger_witness_state WHERE origin = $1',
      [origin],
    );
    return row;
  }

  setWitnessState(origin: string, state: WitnessState): void {
    this.db.query(
      `INSERT INTO ledger_witness_state (origin, size, root) VALUES ($1, $2, $3)
       ON CONFLICT (origin) DO UPDATE SET size = EXCLUDED.size, root = EXCLUDED.root`,
      [origin, state.size, state.root],
    );
  }

  recordPublished(c: PublishedCheckpoint): void {
    this.db.query(
      `INSERT INTO ledger_published (size, source, root, note, recorded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (size, source) DO UPDATE SET root = EXCLUDED.root, note = EXCLUDED.note,
         recorded_at = EXCLUDED.recorded_at`,
      [c.size, c.source, c.root ?? null, c.note ?? null, new Date().toISOString()],
    );
  }

  published(): PublishedCheckpoint[] {
    const rows = this.db.query<{
      size: number;
      source: string;
      root: Uint8Array | null;
      note: string | null;
    }>('SELECT size, source, root, note FROM ledger_published ORDER BY size, source');
    return rows.map((r) => ({
      size: r.size,
      source: r.source,
      ...(r.root === null ? {} : { root: r.root }),
      ...(r.note === null ? {} : { note: r.note }),
    }));
  }

  recordReset(record: LogResetRecord): void {
    this.db.query(
      'INSERT INTO ledger_log_resets (position, reset) VALUES ($1, $2) ON CONFLICT (position) DO NOTHING',
      [record.position, JSON.stringify(record.reset)],
    );
  }

  logResets(): LogResetRecord[] {
    return this.db
      .query<{
        position: number;
        reset: string;
      }>('SELECT position, reset FROM ledger_log_resets ORDER BY position')
      .map((r) => ({ position: r.position, reset: JSON.parse(r.reset) as LogReset }));
  }

  close(): void {
    this.db.close();
  }

  private keyRows(): KeyRow[] {
    return this.db.query<KeyRow>(
      'SELECT vkey, from_size, rotation FROM ledger_keys ORDER BY from_size, recorded_at, vkey',
    );
  }

  private readSize(): number {
    const [row] = this.db.query<{ value: string }>(
      "SELECT value FROM ledger_meta WHERE key = 'tree_size'",
    );
    return Number(row?.value ?? '0');
  }

  /** The held hash writes and size, then `after` (COMMIT), in one round trip. */
  private writePending(after: SyncStatement[]): void {
    const puts = [...this.pending.values()];
    const statements: SyncStatement[] = [];
    if (puts.length > 0) {
      statements.push({
        sql: `INSERT INTO ledger_subtrees (level, idx, hash)
              SELECT * FROM unnest($1::integer[], $2::bigint[], $3::bytea[])
              ON CONFLICT (level, idx) DO UPDATE SET hash = EXCLUDED.hash`,
        params: [puts.map((p) => p.level), puts.map((p) => p.index), puts.map((p) => p.hash)],
      });
    }
    if (this.sizeChanged) {
      statements.push({
        sql: `INSERT INTO ledger_meta (key, value) VALUES ('tree_size', $1)
              ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        params: [String(this.cachedSize)],
      });
    }
    statements.push(...after);
    if (statements.length > 0) this.db.run(statements);
    for (const p of puts) this.remember(`${p.level}:${p.index}`, p.hash);
    this.pending.clear();
    this.sizeChanged = false;
  }

  private remember(slot: string, hash: Uint8Array): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(slot, hash);
  }
}
