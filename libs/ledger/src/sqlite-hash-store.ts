import Database from 'better-sqlite3';
import { privateDatabaseFile } from '@inr/event-store';
import type { HashStore } from '@inr/transparency';
import type { LogKeyRecord } from './key-chain';
import type { LogKeyRotation } from './key-rotation';
import type { LogReset } from './log-reset';
import type { LogResetRecord, PublishedCheckpoint } from './published-checkpoints';

/** A checkpoint the log signed, with the witness cosignature lines collected for it. */
export interface StoredCheckpoint {
  size: number;
  /** The signed note as the log signed it (log signature only). */
  note: string;
  /** Verified cosignature lines, each ending in a newline. */
  cosignatures: string[];
  signedAt: string;
}

/** What a witness remembers per log: the latest checkpoint it cosigned. */
export interface WitnessState {
  size: number;
  root: Uint8Array;
}

export interface TransactionOptions {
  /**
   * Everything the transaction writes derives from the events (integrated leaves, the rotations
   * and resets they carry): if a crash loses it, the log integrates the same events again. A
   * store may then commit without waiting for the disk; its next durable commit (a checkpoint)
   * makes this one durable too, so no checkpoint survives without the leaves below it.
   */
  recomputable?: boolean;
}

/** A HashStore that can group writes: LedgerLog integrates one batch per transaction. */
export interface TransactionalHashStore extends HashStore {
  /**
   * Several processes write this store (PostgreSQL): its size may grow under us, and a
   * transaction starts from the size committed before it, read under the store's lock.
   */
  readonly shared?: boolean;
  transaction<T>(fn: () => T, options?: TransactionOptions): T;
  /** LedgerLog found a LogKeyRotated leaf: stores that keep keys record it with the leaf. */
  recordRotation?(record: LogKeyRecord): void;
  /** LedgerLog found a LogReset leaf: recorded with the leaf, like a rotation. */
  recordReset?(record: LogResetRecord): void;
}

/** Everything the log keeps beside the events: subtree hashes, checkpoints, keys, witness state. */
export interface LedgerStore extends TransactionalHashStore {
  reset(): void;
  addCheckpoint(size: number, note: string): void;
  addCosignatures(size: number, lines: readonly string[]): void;
  latestCheckpoint(): StoredCheckpoint | undefined;
  checkpoints(): StoredCheckpoint[];
  /** At most `limit` stored checkpoints of size >= `fromSize`, smallest first. */
  checkpointPage(fromSize: number, limit: number): StoredCheckpoint[];
  /** Optional: the leaf hashes of [from, to) in one read (undefined where none is stored). */
  leafRange?(from: number, to: number): (Uint8Array | undefined)[];
  /** The ledger's first key (from size 0); a no-op once any key is recorded under that vkey. */
  recordKey(vkey: string): void;
  recordRotation(record: LogKeyRecord): void;
  /** Every recorded vkey, oldest first. */
  keys(): string[];
  /** Every recorded key with where it starts; keyChain() says which of them are valid. */
  keyHistory(): LogKeyRecord[];
  witnessState(origin: string): WitnessState | undefined;
  setWitnessState(origin: string, state: WitnessState): void;
  /** Remember a checkpoint this log published (one row per size and source). */
  recordPublished(checkpoint: PublishedCheckpoint): void;
  published(): PublishedCheckpoint[];
  recordReset(record: LogResetRecord): void;
  /** Every LogReset leaf recorded, oldest first; the checkpointer checks their signatures. */
  logResets(): LogResetRecord[];
  close(): void;
}

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subtrees (
     level INTEGER NOT NULL,
     idx   INTEGER NOT NULL,
     hash  BLOB    NOT NULL,
     PRIMARY KEY (level, idx)
   ) WITHOUT ROWID;
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE checkpoints (
     size         INTEGER PRIMARY KEY,
     note         TEXT NOT NULL,
     cosignatures TEXT NOT NULL DEFAULT '',
     signed_at    TEXT NOT NULL
   );
   CREATE TABLE keys (vkey TEXT PRIMARY KEY, recorded_at TEXT NOT NULL);
   CREATE TABLE witness_state (origin TEXT PRIMARY KEY, size INTEGER NOT NULL, root BLOB NOT NULL);`,
  // Key rotation: where each key starts signing, and the logged rotation (JSON) that made it.
  `ALTER TABLE keys ADD COLUMN from_size INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE keys ADD COLUMN rotation TEXT;`,
  // Checkpoints this log is known to have published (witnesses, backups, operators), and the
  // logged resets that gave some up: the checkpointer never signs a tree contradicting the rest.
  `CREATE TABLE published_checkpoints (
     size        INTEGER NOT NULL,
     source      TEXT    NOT NULL,
     root        BLOB,
     note        TEXT,
     recorded_at TEXT    NOT NULL,
     PRIMARY KEY (size, source)
   );
   CREATE TABLE log_resets (position INTEGER PRIMARY KEY, reset TEXT NOT NULL);`,
];

/**
 * `<dataDir>/ledger.sqlite`, WAL with synchronous=FULL: a signed checkpoint survives a crash.
 * Recomputable transactions (integration) commit with NORMAL; see TransactionOptions.
 */
export class SqliteHashStore implements LedgerStore {
  private readonly db: Database.Database;
  private readonly stmts;
  private cachedSize: number;

  constructor(dataDir: string) {
    this.db = new Database(privateDatabaseFile(dataDir, 'ledger.sqlite'));
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    migrate(this.db);
    this.stmts = {
      get: this.db.prepare<[number, number], { hash: Buffer }>(
        'SELECT hash FROM subtrees WHERE level = ? AND idx = ?',
      ),
      leaves: this.db
        .prepare<[number, number], [number, Buffer]>(
          'SELECT idx, hash FROM subtrees WHERE level = 0 AND idx >= ? AND idx < ? ORDER BY idx',
        )
        .raw(true),
      put: this.db.prepare('INSERT OR REPLACE INTO subtrees (level, idx, hash) VALUES (?, ?, ?)'),
      getMeta: this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      addCheckpoint: this.db.prepare(
        'INSERT INTO checkpoints (size, note, signed_at) VALUES (?, ?, ?)',
      ),
      getCosigs: this.db.prepare<[number], { cosignatures: string }>(
        'SELECT cosignatures FROM checkpoints WHERE size = ?',
      ),
      setCosigs: this.db.prepare('UPDATE checkpoints SET cosignatures = ? WHERE size = ?'),
      latest: this.db.prepare<[], CheckpointRow>(
        'SELECT * FROM checkpoints ORDER BY size DESC LIMIT 1',
      ),
      all: this.db.prepare<[], CheckpointRow>('SELECT * FROM checkpoints ORDER BY size'),
      page: this.db.prepare<[number, number], CheckpointRow>(
        // ?+0: a plain bound LIMIT makes SQLite (STAT4 build) re-plan on every run.
        'SELECT * FROM checkpoints WHERE size >= ? ORDER BY size LIMIT ?+0',
      ),
      recordKey: this.db.prepare('INSERT OR IGNORE INTO keys (vkey, recorded_at) VALUES (?, ?)'),
      recordRotation: this.db.prepare(
        'INSERT OR IGNORE INTO keys (vkey, recorded_at, from_size, rotation) VALUES (?, ?, ?, ?)',
      ),
      keys: this.db.prepare<[], KeyRow>(
        'SELECT vkey, from_size, rotation FROM keys ORDER BY from_size, recorded_at, vkey',
      ),
      witness: this.db.prepare<[string], { size: number; root: Buffer }>(
        'SELECT size, root FROM witness_state WHERE origin = ?',
      ),
      setWitness: this.db.prepare(
        'INSERT OR REPLACE INTO witness_state (origin, size, root) VALUES (?, ?, ?)',
      ),
      recordPublished: this.db.prepare(
        'INSERT OR REPLACE INTO published_checkpoints (size, source, root, note, recorded_at) VALUES (?, ?, ?, ?, ?)',
      ),
      published: this.db.prepare<[], PublishedRow>(
        'SELECT size, source, root, note FROM published_checkpoints ORDER BY size, source',
      ),
      recordReset: this.db.prepare(
        'INSERT OR IGNORE INTO log_resets (position, reset) VALUES (?, ?)',
      ),
      resets: this.db.prepare<[], { position: number; reset: string }>(
        'SELECT position, reset FROM log_resets ORDER BY position',
      ),
    };
    this.cachedSize = Number(this.stmts.getMeta.get('tree_size')?.value ?? '0');
  }

  leafRange(from: number, to: number): (Uint8Array | undefined)[] {
    const out = new Array<Uint8Array | undefined>(Math.max(0, to - from)).fill(undefined);
    for (const [idx, hash] of this.stmts.leaves.all(from, to))
      out[idx - from] = new Uint8Array(hash);
    return out;
  }

  get(level: number, index: number): Uint8Array | undefined {
    const row = this.stmts.get.get(level, index);
    return row === undefined ? undefined : new Uint8Array(row.hash);
  }

  put(level: number, index: number, hash: Uint8Array): void {
    this.stmts.put.run(level, index, Buffer.from(hash));
  }

  size(): number {
    return this.cachedSize;
  }

  setSize(size: number): void {
    this.stmts.setMeta.run('tree_size', String(size));
    this.cachedSize = size;
  }

  transaction<T>(fn: () => T, options: TransactionOptions = {}): T {
    const before = this.cachedSize;
    // WAL + NORMAL: the commit is in the WAL (it survives a kill) but not fsynced; the next
    // FULL commit syncs the WAL with it. An fsync here blocked the event loop 4 times a second.
    const relaxed = options.recomputable === true && !this.db.inTransaction;
    if (relaxed) this.db.pragma('synchronous = NORMAL');
    try {
      return this.db.transaction(fn).immediate();
    } catch (e) {
      this.cachedSize = before; // the rolled-back size must not survive in memory
      throw e;
    } finally {
      if (relaxed) this.db.pragma('synchronous = FULL');
    }
  }

  /** Forget every subtree hash (checkpoints, keys and witness state stay): for a rebuild. */
  reset(): void {
    this.transaction(() => {
      this.db.exec('DELETE FROM subtrees');
      this.setSize(0);
    });
  }

  addCheckpoint(size: number, note: string): void {
    this.stmts.addCheckpoint.run(size, note, new Date().toISOString());
  }

  addCosignatures(size: number, lines: readonly string[]): void {
    this.transaction(() => {
      const row = this.stmts.getCosigs.get(size);
      if (row === undefined) throw new Error(`no checkpoint of size ${size}`);
      const have = splitLines(row.cosignatures);
      const merged = [...have, ...lines.filter((l) => !have.includes(l))];
      this.stmts.setCosigs.run(merged.join(''), size);
    });
  }

  latestCheckpoint(): StoredCheckpoint | undefined {
    const row = this.stmts.latest.get();
    return row === undefined ? undefined : toCheckpoint(row);
  }

  checkpoints(): StoredCheckpoint[] {
    return this.stmts.all.all().map(toCheckpoint);
  }

  checkpointPage(fromSize: number, limit: number): StoredCheckpoint[] {
    return this.stmts.page.all(fromSize, limit).map(toCheckpoint);
  }

  recordKey(vkey: string): void {
    this.stmts.recordKey.run(vkey, new Date().toISOString());
  }

  recordRotation(record: LogKeyRecord): void {
    this.stmts.recordRotation.run(
      record.vkey,
      new Date().toISOString(),
      record.fromSize,
      record.rotation === undefined ? null : JSON.stringify(record.rotation),
    );
  }

  keys(): string[] {
    return this.stmts.keys.all().map((r) => r.vkey);
  }

  keyHistory(): LogKeyRecord[] {
    return this.stmts.keys.all().map(toKeyRecord);
  }

  witnessState(origin: string): WitnessState | undefined {
    const row = this.stmts.witness.get(origin);
    return row === undefined ? undefined : { size: row.size, root: new Uint8Array(row.root) };
  }

  setWitnessState(origin: string, state: WitnessState): void {
    this.stmts.setWitness.run(origin, state.size, Buffer.from(state.root));
  }

  /** The logs this ledger witnesses (for copying the witness state elsewhere). */
  witnessOrigins(): string[] {
    return this.db
      .prepare<[], { origin: string }>('SELECT origin FROM witness_state ORDER BY origin')
      .all()
      .map((r) => r.origin);
  }

  recordPublished(c: PublishedCheckpoint): void {
    const root = c.root === undefined ? null : Buffer.from(c.root);
    const at = new Date().toISOString();
    this.stmts.recordPublished.run(c.size, c.source, root, c.note ?? null, at);
  }

  published(): PublishedCheckpoint[] {
    return this.stmts.published.all().map((r) => ({
      size: r.size,
      source: r.source,
      ...(r.root === null ? {} : { root: new Uint8Array(r.root) }),
      ...(r.note === null ? {} : { note: r.note }),
    }));
  }

  recordReset(record: LogResetRecord): void {
    this.stmts.recordReset.run(record.position, JSON.stringify(record.reset));
  }

  logResets(): LogResetRecord[] {
    return this.stmts.resets
      .all()
      .map((r) => ({ position: r.position, reset: JSON.parse(r.reset) as LogReset }));
  }

  close(): void {
    this.db.close();
  }
}

interface PublishedRow {
  size: number;
  source: string;
  root: Buffer | null;
  note: string | null;
}

export interface CheckpointRow {
  size: number;
  note: string;
  cosignatures: string;
  signed_at: string;
}

export interface KeyRow {
  vkey: string;
  from_size: number;
  rotation: string | null;
}

export function toKeyRecord(r: KeyRow): LogKeyRecord {
  if (r.rotation === null) return { vkey: r.vkey, fromSize: r.from_size };
  const rotation = JSON.parse(r.rotation) as LogKeyRotation & { position: number };
  return { vkey: r.vkey, fromSize: r.from_size, rotation };
}

export const toCheckpoint = (r: CheckpointRow): StoredCheckpoint => ({
  size: r.size,
  note: r.note,
  cosignatures: splitLines(r.cosignatures),
  signedAt: r.signed_at,
});

export const splitLines = (s: string): string[] =>
  s === '' ? [] : s.split(/(?<=\n)/).filter((l) => l.length > 0);

function migrate(db: Database.Database): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(`ledger.sqlite has schema version ${current}, newer than this build knows`);
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}
