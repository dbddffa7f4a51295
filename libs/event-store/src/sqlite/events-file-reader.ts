import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RecordedEvent } from '../port/event-store';
import { RAW_COLUMNS, rawToRecorded, type RawEventRow } from './raw-row';

export { rawToRecorded, type RawEventRow };

/**
 * `<dir>/events.sqlite` opened read-only on its own connection, read by position range: for
 * worker threads (the audit's leaf hashing) that cannot share a store's connection. WAL lets it
 * read beside a running service; events are immutable, so a range below the head never changes.
 */
export class EventsFileReader {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[number, number], RawEventRow>;

  constructor(dir: string) {
    this.db = new Database(join(dir, 'events.sqlite'), { readonly: true, fileMustExist: true });
    this.select = this.db
      .prepare<[number, number], RawEventRow>(
        `SELECT ${RAW_COLUMNS} FROM events WHERE position >= ? AND position < ? ORDER BY position`,
      )
      .raw(true);
  }

  /** Events at positions [from, to), ascending; fewer when the file ends sooner or has gaps. */
  range(from: number, to: number): RecordedEvent[] {
    return this.rows(from, to).map(rawToRecorded);
  }

  /** The same rows as stored (data and metadata as JSON text), in RAW_COLUMNS order. */
  rows(from: number, to: number): RawEventRow[] {
    return this.select.all(from, to);
  }

  close(): void {
    this.db.close();
  }
}
