import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RecordedEvent } from '../port/event-store';
import { RAW_COLUMNS, rawToRecorded, type RawEventRow } from './raw-row';

/** Events exactly as another events.sqlite holds them: the row, and the event it reads as. */
export interface VerbatimEvent {
  row: RawEventRow;
  event: RecordedEvent;
}

/**
 * Events at positions [from, to) of `<dir>/events.sqlite`, opened read-only (a backup or another
 * copy of this ledger is not touched). Fewer come back when the file ends sooner.
 */
export function readVerbatimEvents(dir: string, from: number, to: number): VerbatimEvent[] {
  const db = new Database(join(dir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[number, number], RawEventRow>(
        `SELECT ${RAW_COLUMNS} FROM events WHERE position >= ? AND position < ? ORDER BY position`,
      )
      .raw(true)
      .all(from, to)
      .map((row) => ({ row, event: rawToRecorded(row) }));
  } finally {
    db.close();
  }
}

export class VerbatimAppendError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'VerbatimAppendError';
  }
}

/**
 * Re-enter events lost from this store with their original position, id, revision and time, so
 * their leaves hash as before. One immediate transaction: the store must end exactly where the
 * first one starts, and the rows must be consecutive; otherwise nothing is written.
 * Only for recovery (`inr-ledger reenter`): ordinary writes go through append().
 */
export function appendVerbatim(dataDir: string, events: readonly VerbatimEvent[]): number {
  const db = new Database(join(dataDir, 'events.sqlite'), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    const head = db.prepare<[], { next: number }>(
      'SELECT COALESCE(MAX(position) + 1, 0) AS next FROM events',
    );
    const insert = db.prepare(
      `INSERT INTO events (${RAW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return db
      .transaction(() => {
        let next = (head.get() as { next: number }).next;
        for (const { row } of events) {
          if (row[0] !== next) {
            throw new VerbatimAppendError(
              `expected position ${next}, got ${row[0]}: nothing written`,
            );
          }
          insert.run(...row);
          next++;
        }
        return next;
      })
      .immediate();
  } finally {
    db.close();
  }
}
