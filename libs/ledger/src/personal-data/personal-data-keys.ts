import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { LOCAL_KEY_WRAPPING, type KeyWrapping } from './key-wrapping';
import {
  SubjectErasedError,
  type KeyLookup,
  type PersonalDataKeyStore,
  type WrappedKeys,
} from './key-store';

/** `<dataDir>/personal-data-keys.json`: one AES-256 key per person, 0600. */
export const PERSONAL_DATA_KEYS_FILE = 'personal-data-keys.json';
const FORMAT = 'inr-ledger-personal-data-keys/v1';
/** How long a reader trusts its copy before looking at the file again (another process erases). */
const RELOAD_AFTER_MS = 250;

interface KeyFile {
  format: typeof FORMAT;
  wrapping: string;
  keys: Record<string, { key: string; createdAt: string }>;
  /** Tombstones: whose keys were destroyed, and when (the ledger's SubjectDataErased says why). */
  erased: Record<string, string>;
}

/**
 * The data keys of crypto-shredding (docs/privacy.md). A key is created (and the file fsynced)
 * before the first event sealed under it is appended, so no acknowledged event lacks its key;
 * erasing deletes the key from the file, which is rewritten and renamed into place. Losing the
 * file loses no event: personal fields read as unavailable, everything else as before.
 * Several processes (the server, the CLI) share the file: writes hold a lock file and re-read
 * first; readers re-read the file when it changed.
 */
export class PersonalDataKeys implements PersonalDataKeyStore {
  private readonly file: string;
  private readonly lock: string;
  private data: KeyFile;
  private keys = new Map<string, Buffer>();
  private seen = '';
  private checkedAt = 0;

  constructor(
    private readonly dataDir: string,
    private readonly wrapping: KeyWrapping = LOCAL_KEY_WRAPPING,
  ) {
    this.file = join(dataDir, PERSONAL_DATA_KEYS_FILE);
    this.lock = `${this.file}.lock`;
    this.data = this.empty();
    this.reload(true);
  }

  /** The subject's key, created on first use; throws SubjectErasedError for an erased subject. */
  keyFor(subjectId: string): Buffer {
    const found = this.lookup(subjectId);
    if (found.status === 'key') return found.key;
    if (found.status === 'erased') throw new SubjectErasedError(subjectId);
    return this.locked(() => {
      const again = this.lookup(subjectId, true);
      if (again.status === 'key') return again.key;
      if (again.status === 'erased') throw new SubjectErasedError(subjectId);
      const key = randomBytes(32);
      this.data.keys[subjectId] = {
        key: this.wrapping.wrap(key, subjectId),
        createdAt: new Date().toISOString(),
      };
      this.write();
      this.keys.set(subjectId, key);
      return key;
    });
  }

  lookup(subjectId: string, fresh = false): KeyLookup {
    this.reload(fresh);
    const key = this.keys.get(subjectId);
    if (key) return { status: 'key', key };
    const erasedOn = this.data.erased[subjectId];
    return erasedOn === undefined ? { status: 'unavailable' } : { status: 'erased', erasedOn };
  }

  /** Destroys the subject's key (idempotent) and leaves a tombstone. */
  erase(subjectId: string, erasedOn: string): void {
    this.locked(() => {
      this.reload(true);
      if (this.data.erased[subjectId] !== undefined && !this.data.keys[subjectId]) return;
      delete this.data.keys[subjectId];
      this.data.erased[subjectId] ??= erasedOn;
      this.write();
      this.keys.get(subjectId)?.fill(0);
      this.keys.delete(subjectId);
    });
  }

  /** Subjects with a key: the candidates a retention run looks at. */
  subjects(): string[] {
    this.reload(true);
    return Object.keys(this.data.keys);
  }

  /** The keys as kept in the file (still wrapped) and the tombstones: what a migration copies. */
  wrappedKeys(): WrappedKeys {
    this.reload(true);
    return {
      wrapping: this.data.wrapping,
      keys: Object.entries(this.data.keys).map(([subjectId, { key, createdAt }]) => ({
        subjectId,
        wrapped: key,
        createdAt,
      })),
      erased: Object.entries(this.data.erased).map(([subjectId, erasedOn]) => ({
        subjectId,
        erasedOn,
      })),
    };
  }

  /** Nothing held open: every write is complete when it returns. */
  close(): void {}

  private empty(): KeyFile {
    return { format: FORMAT, wrapping: this.wrapping.name, keys: {}, erased: {} };
  }

  private reload(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.checkedAt < RELOAD_AFTER_MS) return;
    this.checkedAt = now;
    let stamp = 'missing';
    try {
      const s = statSync(this.file);
      stamp = `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      // No file yet, or lost: an empty store (personal fields then read as unavailable).
    }
    if (stamp === this.seen) return;
    this.seen = stamp;
    const data = stamp === 'missing' ? this.empty() : this.parse(readFileSync(this.file, 'utf8'));
    const keys = new Map<string, Buffer>();
    for (const [subject, entry] of Object.entries(data.keys))
      keys.set(subject, this.wrapping.unwrap(entry.key, subject));
    this.data = data;
    this.keys = keys;
  }

  private parse(text: string): KeyFile {
    const data = JSON.parse(text) as KeyFile;
    if (data.format !== FORMAT) throw new Error(`${this.file} is not a ${FORMAT} file`);
    if (data.wrapping !== this.wrapping.name)
      throw new Error(
        `${this.file} was written with key wrapping '${data.wrapping}', not '${this.wrapping.name}'`,
      );
    return data;
  }

  private write(): void {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.data, null, 1));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    const dirFd = openSync(this.dataDir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
    this.seen = '';
    this.reload(true);
  }

  /** Runs `fn` holding the lock file (a stale lock, left by a killed process, is broken). */
  private locked<T>(fn: () => T): T {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        closeSync(openSync(this.lock, 'wx', 0o600));
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (lockAge(this.lock) > 30_000 || Date.now() > deadline) unlinkQuietly(this.lock);
        else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
    try {
      this.reload(true);
      return fn();
    } finally {
      unlinkQuietly(this.lock);
    }
  }
}

function lockAge(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
