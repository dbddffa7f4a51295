import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type CurrentRevision,
  type JSONEventData,
  type Position,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { ExpectedRevision, JsonObject, RecordedEvent } from '../port/event-store';
import { WrongExpectedVersion } from '../port/errors';
import type { ValidatedEvent } from '../validation/validate-append';
import type { LogPosition } from './ledger-index';

/** Pure translations between the port and @eventstore/db-client; unit-tested without a server. */

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

export function fromEsdbCurrentRevision(actual: CurrentRevision): number {
  return actual === NO_STREAM ? -1 : Number(actual);
}

/** The client's WrongExpectedVersionError becomes the port's; anything else passes through. */
export function mapAppendError(
  error: unknown,
  streamId: string,
  expected: ExpectedRevision,
): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedVersion(
      streamId,
      expected,
      fromEsdbCurrentRevision(error.actualVersion),
    );
  }
  return error;
}

export function toEsdbEvent(event: ValidatedEvent): JSONEventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
}

/** System streams ($...) and system event types ($...) are not part of the ledger. */
export function isLedgerEvent(streamId: string, type: string): boolean {
  return !streamId.startsWith('$') && !type.startsWith('$');
}

export function toLogPosition(position: Position): LogPosition {
  return { commit: Number(position.commit), prepare: Number(position.prepare) };
}

export function toEsdbPosition(position: LogPosition): Position {
  return { commit: BigInt(position.commit), prepare: BigInt(position.prepare) };
}

export function toRecordedEvent(
  event: EsdbRecordedEvent,
  position: number,
  recordedAt: string,
): RecordedEvent {
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    position,
    id: event.id,
    type: event.type,
    data: asJsonObject(event.data),
    metadata: event.metadata === undefined ? {} : asJsonObject(event.metadata),
    recordedAt,
  };
}

/** The adapter writes JSON objects only; bytes are what the client hands back for non-JSON. */
function asJsonObject(value: unknown): JsonObject {
  const parsed: unknown =
    value instanceof Uint8Array ? JSON.parse(Buffer.from(value).toString('utf8')) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('EventStoreDB returned an event whose data is not a JSON object');
  }
  return parsed as JsonObject;
}
