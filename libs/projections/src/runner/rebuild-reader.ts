import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { JsonObject } from '@inr/event-store';
import { toLedgerEvent, type LedgerEvent } from '../events/ledger-event';

type Row = [number, string, number, string, string, string | null, unknown, string];

/**
 * A rebuild thread's read of `<dir>/events.sqlite`, on its own read-only connection. Every
 * event comes back (the applier counts positions), but with `types` only those types' data is
 * parsed (others carry `{}`), and of the metadata only the schema version the upcasters need:
 * no stored projection reads any other metadata, and most of a read is JSON.parse, so a thread
 * parses only what its folds look at. Events were validated when appended, so nothing else is
 * checked here.
 */
export class RebuildEventsReader {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<unknown[], Row>;
  private readonly params: unknown[];

  constructor(dir: string, types?: readonly string[]) {
    this.db = new Database(join(dir, 'events.sqlite'), { readonly: true, fileMustExist: true });
    // One pass in position order: a big page cache would only hold pages never read again.
    this.db.pragma('cache_size = -2048');
    const data = types
      ? `CASE WHEN type IN (${types.map(() => '?').join(', ')}) THEN data END`
      : 'data';
    this.select = this.db
      .prepare<unknown[], Row>(
        `SELECT position, stream_id, revision, event_id, type, ${data},
           json_extract(metadata, '$.schemaVersion'), recorded_at
         FROM events WHERE position >= ? AND position < ? ORDER BY position`,
      )
      .raw(true);
    this.params = types ? [...types] : [];
  }

  /** Events at positions [from, to), ascending; fewer when the file ends sooner. */
  range(from: number, to: number): LedgerEvent[] {
    const rows = this.select.all(...this.params, from, to);
    const out = new Array<LedgerEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const event = {
        position: row[0],
        streamId: row[1],
        revision: row[2],
        id: row[3],
        type: row[4],
        data: row[5] === null ? {} : (JSON.parse(row[5]) as JsonObject),
        metadata: schemaVersion(row[6]),
        recordedAt: row[7],
      };
      out[i] = row[5] === null ? event : toLedgerEvent(event);
    }
    return out;
  }

  close(): void {
    this.db.close();
  }
}

function schemaVersion(value: unknown): JsonObject {
  return typeof value === 'number' ? { schemaVersion: value } : {};
}
