import { IdempotencyConflict } from './errors';
import type { AppendResult, ExpectedRevision } from './event-store';

/** Whether a stream at revision `current` (-1: no stream) meets the append's expectation. */
export function expectedRevisionHolds(expected: ExpectedRevision, current: number): boolean {
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

/** Where an event id was written. */
export interface WrittenEvent {
  streamId: string;
  revision: number;
  position: number;
}

/**
 * The idempotent re-append: ids written before as exactly this run (same stream, consecutive
 * revisions and positions) answer as they did then, whatever the expected revision; any other
 * overlap with written ids is a conflict. `written[i]` is where `events[i]` was written, if it was.
 */
export function replayedAppend(
  streamId: string,
  events: readonly { id: string }[],
  written: readonly (WrittenEvent | undefined)[],
): AppendResult {
  const first = written[0];
  const sameRun =
    first !== undefined &&
    written.length === events.length &&
    written.every(
      (row, i) =>
        row !== undefined &&
        row.streamId === streamId &&
        row.revision === first.revision + i &&
        row.position === first.position + i,
    );
  if (!sameRun) {
    const clash = events.find((_, i) => written[i] !== undefined) ?? events[0];
    throw new IdempotencyConflict(streamId, clash?.id ?? '');
  }
  return {
    streamId,
    nextExpectedRevision: first.revision + events.length - 1,
    firstPosition: first.position,
    lastPosition: first.position + events.length - 1,
  };
}
