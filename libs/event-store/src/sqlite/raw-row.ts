import type { RecordedEvent } from '../port/event-store';

import { EVENT_COLUMNS } from '../sql/event-row';

/** Column order of RawEventRow. */
export const RAW_COLUMNS = EVENT_COLUMNS;

/** An events row as better-sqlite3 returns it in raw mode, in RAW_COLUMNS order. */
export type RawEventRow = [number, string, number, string, string, string, string, string];

export function rawToRecorded(row: RawEventRow): RecordedEvent {
  return {
    streamId: row[1],
    revision: row[2],
    position: row[0],
    id: row[3],
    type: row[4],
    data: JSON.parse(row[5]) as RecordedEvent['data'],
    metadata: JSON.parse(row[6]) as RecordedEvent['metadata'],
    recordedAt: row[7],
  };
}
