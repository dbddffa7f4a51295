import type { ExpectedRevision } from './event-store';

/** Base of every error the port raises on purpose; anything else is a bug or an outage. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not in the expected state; the API answers 409 (or 412 with If-Match). */
export class WrongExpectedVersion extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or -1 when it has none. */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** Some but not all of an append's event ids were already written, or at another place. */
export class IdempotencyConflict extends EventStoreError {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`event ${eventId} was already written, not as part of the same append to ${streamId}`);
    this.name = 'IdempotencyConflict';
  }
}

/** The caller's input can never be stored (empty stream id, non-UUID id, non-JSON data, ...). */
export class InvalidAppend extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppend';
  }
}

/** A read asked for something no store can answer (negative revision, non-integer count, ...). */
export class InvalidRead extends EventStoreError {
  readonly code = 'INVALID_READ';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRead';
  }
}
