import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * A data directory holds training evidence, signing keys and the development token key: only
 * the service's own user may read it. Modes are set with chmod after creating, so the result
 * does not depend on the process umask.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** SQLite creates these beside a database, with the database file's mode. */
const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

/** `mkdir -p` whose new directories, and `dir` itself, are 0700. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  setMode(dir, PRIVATE_DIR_MODE);
}

/**
 * Before SQLite opens `file`: its directory is private, the file exists (empty: SQLite takes
 * it as a new database) with mode 0600, and so do any -wal/-shm/-journal left beside it.
 * SQLite gives the companions it creates later the database file's mode.
 */
export function privateDatabaseFile(dir: string, name: string): string {
  privateDir(dir);
  const file = join(dir, name);
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const path of [file, ...SQLITE_COMPANIONS.map((suffix) => file + suffix)])
    if (existsSync(path)) setMode(path, PRIVATE_FILE_MODE);
  return file;
}

/** What the ledger writes directly in a data directory: SQLite databases (with companions), keys. */
const LEDGER_FILE =
  /^[A-Za-z0-9._-]+\.sqlite(-wal|-shm|-journal)?$|^(dev-jwt\.key|log-key(\.next)?|issuer-key(\.next)?|personal-data-keys\.json)$/;
/** Subdirectories that hold nothing but the ledger's own files (the witness identity). */
const LEDGER_SUBDIRS = new Set(['witness']);

/**
 * Tightens an existing data directory: itself 0700, the ledger's files in it 0600, its own
 * subdirectories 0700 throughout. Other entries are left alone (a data directory pointed at by
 * mistake at a home directory must not lose its scripts' modes); the directory's own 0700 keeps
 * them from others anyway. Returns what it changed, so the caller can say so.
 */
export function tightenDataDir(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const changed: string[] = [];
  const tighten = (path: string, mode: number): void => {
    if ((lstatSync(path).mode & 0o777) !== mode && setMode(path, mode)) changed.push(path);
  };
  const owned = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    tighten(path, stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
    if (stat.isDirectory()) for (const name of readdirSync(path)) owned(join(path, name));
  };
  tighten(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && LEDGER_FILE.test(entry.name)) owned(join(dir, entry.name));
    if (entry.isDirectory() && LEDGER_SUBDIRS.has(entry.name)) owned(join(dir, entry.name));
  }
  return changed;
}

/** chmod; a file another user owns (EPERM) is left as it is rather than stopping the start. */
function setMode(path: string, mode: number): boolean {
  try {
    chmodSync(path, mode);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return false;
    throw error;
  }
}
