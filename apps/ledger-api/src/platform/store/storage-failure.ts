/** A storage outage seen while serving a request: not the caller's fault, worth a retry. */
export interface StorageFailure {
  /** The driver's own code (SQLITE_FULL, 08006, ECONNREFUSED, unavailable, ...). */
  cause: string;
  message: string;
}

/**
 * SQLite result codes that mean the file or the machine failed, not the statement: busy or locked
 * by another writer, I/O errors, disk full, cannot open, out of memory, read-only or corrupt files.
 * SQLITE_CONSTRAINT, SQLITE_ERROR (bad SQL) and the like are bugs and stay 500.
 */
const SQLITE_OUTAGE =
  /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOMEM|READONLY|CORRUPT|NOTADB|PROTOCOL)/;

/** System errors of sockets and files: the database's host, network or disk. */
const SYSTEM_OUTAGE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOSPC',
  'EDQUOT',
  'EIO',
  'EROFS',
  'EMFILE',
  'ENFILE',
]);

/**
 * PostgreSQL SQLSTATEs of an unavailable or overloaded server: class 08 (connection), 53
 * (insufficient resources: disk full, out of memory, too many connections), 58 (system I/O), the
 * 57P0x shutdowns, serialisation failures and deadlocks (retry), lock and statement timeouts, a
 * read-only standby, and data corruption.
 */
const POSTGRES_OUTAGE = /^(08...|53...|58...|57P0[1-4]|57014|40001|40P01|55P03|25006|XX00[12])$/;

/** node-postgres and its pool say these in plain words, without a code. */
const DRIVER_OUTAGE_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|server closed the connection/i;

/** EventStoreDB client error types of an unreachable or overloaded cluster. */
const ESDB_OUTAGE = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader']);

/**
 * Whether `error` (or an error it wraps, through `cause`) is a storage outage, by the codes the
 * SQLite, PostgreSQL and EventStoreDB drivers and Node's sockets attach; undefined otherwise.
 */
export function storageFailure(error: unknown): StorageFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const { code, type } = current as { code?: unknown; type?: unknown };
    const message = current.message;
    if (typeof code === 'string') {
      if (SQLITE_OUTAGE.test(code) || SYSTEM_OUTAGE.has(code) || POSTGRES_OUTAGE.test(code))
        return { cause: code, message };
    }
    if (typeof type === 'string' && ESDB_OUTAGE.has(type)) return { cause: type, message };
    if (DRIVER_OUTAGE_MESSAGE.test(message)) return { cause: 'connection', message };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
