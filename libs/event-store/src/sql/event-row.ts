import type { RecordedEvent } from '../port/event-store';
import type { ValidatedAppend } from '../validation/validate-append';
import type { AppendResult } from '../port/event-store';

/** The events table's columns, the same in the sqlite and PostgreSQL adapters. */
export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, data, metadata, recorded_at';

/** An events row as both SQL adapters read it (data and metadata as JSON text). */
export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

export function rowToRecorded(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as RecordedEvent['data'],
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    recordedAt: row.recorded_at,
  };
}

/** An append queued for the next group commit, with the caller's promise to settle. */
export interface PendingAppend {
  append: ValidatedAppend;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}
