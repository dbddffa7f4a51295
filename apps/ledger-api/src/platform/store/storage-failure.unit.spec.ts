import { SqliteError } from 'better-sqlite3';
import { DatabaseError } from 'pg';
import { storageFailure } from './storage-failure';

const pgError = (code: string): DatabaseError =>
  Object.assign(new DatabaseError('server says no', 0, 'error'), { code });
const systemError = (code: string): Error =>
  Object.assign(new Error(`connect ${code} 10.0.0.5:5432`), { code });

describe('storageFailure (finding 12: storage failures are 503, not 500)', () => {
  it.each([
    ['SQLite busy', new SqliteError('database is locked', 'SQLITE_BUSY'), 'SQLITE_BUSY'],
    ['SQLite disk full', new SqliteError('database or disk is full', 'SQLITE_FULL'), 'SQLITE_FULL'],
    [
      'SQLite I/O error',
      new SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'),
      'SQLITE_IOERR_WRITE',
    ],
    ['SQLite read-only file', new SqliteError('readonly', 'SQLITE_READONLY'), 'SQLITE_READONLY'],
    [
      'the SQLite writer thread',
      Object.assign(new Error('locked'), { code: 'SQLITE_BUSY' }),
      'SQLITE_BUSY',
    ],
    ['PostgreSQL connection failure', pgError('08006'), '08006'],
    ['PostgreSQL disk full', pgError('53100'), '53100'],
    ['PostgreSQL shutting down', pgError('57P01'), '57P01'],
    ['PostgreSQL serialisation failure', pgError('40001'), '40001'],
    ['PostgreSQL read-only standby', pgError('25006'), '25006'],
    ['a refused connection', systemError('ECONNREFUSED'), 'ECONNREFUSED'],
    ['no space on the device', systemError('ENOSPC'), 'ENOSPC'],
    ['a lost pg connection', new Error('Connection terminated unexpectedly'), 'connection'],
    ['a pg pool timeout', new Error('timeout exceeded when trying to connect'), 'connection'],
    [
      'EventStoreDB unavailable',
      Object.assign(new Error('unavailable'), { type: 'unavailable' }),
      'unavailable',
    ],
    [
      'a wrapped cause',
      new Error('append failed', { cause: systemError('ECONNRESET') }),
      'ECONNRESET',
    ],
  ])('classifies %s', (_name, error, cause) => {
    expect(storageFailure(error)?.cause).toBe(cause);
  });

  it.each([
    [
      'a constraint violation (a bug)',
      new SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'),
    ],
    ['bad SQL (a bug)', new SqliteError('no such table: x', 'SQLITE_ERROR')],
    ['a PostgreSQL syntax error', pgError('42601')],
    ['a PostgreSQL unique violation', pgError('23505')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['not an error', 'SQLITE_BUSY'],
  ])('leaves %s alone', (_name, error) => {
    expect(storageFailure(error)).toBeUndefined();
  });
});
