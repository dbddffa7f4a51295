import type Database from 'better-sqlite3';
import type { AppendResult, ExpectedRevision } from '../port/event-store';
import { IdempotencyConflict, WrongExpectedVersion } from '../port/errors';
import type { ValidatedAppend } from '../validation/validate-append';
import { statement } from './statement-cache';

/** The global head inside the open write transaction. */
export interface Head {
  nextPosition: number;
  lastRecordedMs: number;
}

interface WrittenRow {
  stream_id: string;
  revision: number;
  position: number;
}

/**
 * Checks and writes one append inside the caller's transaction, advancing `head`.
 * Idempotency comes first: ids already written as exactly this run return the original result
 * whatever the expected revision, so a retried request succeeds even after its first try landed.
 */
export function applyAppend(
  db: Database.Database,
  append: ValidatedAppend,
  head: Head,
  recordedAt: string,
): AppendResult {
  const { streamId, events } = append;
  const byId = statement<[string], WrittenRow>(
    db,
    'SELECT stream_id, revision, position FROM events WHERE event_id = ?',
  );
  const written = events.map((event) => byId.get(event.id));
  const first = written[0];
  if (written.some((row) => row !== undefined)) {
    const sameRun =
      first !== undefined &&
      written.every(
        (row, i) =>
          row !== undefined &&
          row.stream_id === streamId &&
          row.revision === first.revision + i &&
          row.position === first.position + i,
      );
    if (!sameRun) {
      const clash = events.find((_, i) => written[i] !== undefined) ?? events[0]!;
      throw new IdempotencyConflict(streamId, clash.id);
    }
    return {
      streamId,
      nextExpectedRevision: first.revision + events.length - 1,
      firstPosition: first.position,
      lastPosition: first.position + events.length - 1,
    };
  }

  const current =
    statement<[string], { revision: number | null }>(
      db,
      'SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?',
    ).get(streamId)?.revision ?? -1;
  if (!matches(append.expectedRevision, current)) {
    throw new WrongExpectedVersion(streamId, append.expectedRevision, current);
  }

  const insert = statement(
    db,
    'INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const firstPosition = head.nextPosition;
  events.forEach((event, i) => {
    insert.run(
      firstPosition + i,
      streamId,
      current + 1 + i,
      event.id,
      event.type,
      event.dataJson,
      event.metadataJson,
      recordedAt,
    );
  });
  head.nextPosition += events.length;
  return {
    streamId,
    nextExpectedRevision: current + events.length,
    firstPosition,
    lastPosition: head.nextPosition - 1,
  };
}

function matches(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    default:
      return expected === current;
  }
}
