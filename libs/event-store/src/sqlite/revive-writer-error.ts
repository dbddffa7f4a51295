import { IdempotencyConflict, WrongExpectedVersion } from '../port/errors';
import type { WriterError } from './writer-protocol';

/** Rebuilds, on the main thread, the error the writer thread could only send as data. */
export function reviveWriterError(error: WriterError): Error {
  switch (error.kind) {
    case 'wrong-expected-version':
      return new WrongExpectedVersion(error.streamId, error.expected, error.actual);
    case 'idempotency-conflict':
      return new IdempotencyConflict(error.streamId, error.eventId);
    case 'other':
      return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
  }
}
