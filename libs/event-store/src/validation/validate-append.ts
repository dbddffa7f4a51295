import { CanonicalJsonError, isWellFormedUnicode, leafJson } from '@inr/transparency';
import type { ExpectedRevision, JsonObject } from '../port/event-store';
import { InvalidAppend } from '../port/errors';

/** An append after validation: ids lower-cased, data and metadata serialised once. */
export interface ValidatedEvent {
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  dataJson: string;
  metadataJson: string;
}

export interface ValidatedAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: ValidatedEvent[];
}

/** `<category>-<id>`: a letter-led category, a dash, then an id without whitespace or control chars. */
const STREAM_ID = /^[A-Za-z][A-Za-z0-9_]*-[^\s\p{Cc}]+$/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREAM_ID_LENGTH = 512;

export function validateStreamId(streamId: unknown): string {
  if (typeof streamId !== 'string' || streamId.trim() === '') {
    throw new InvalidAppend('stream id must be a non-empty string');
  }
  if (streamId.length > MAX_STREAM_ID_LENGTH || !STREAM_ID.test(streamId)) {
    throw new InvalidAppend(`stream id ${JSON.stringify(streamId)} is not shaped <category>-<id>`);
  }
  if (!isWellFormedUnicode(streamId)) throw new InvalidAppend('stream id holds a lone surrogate');
  return streamId;
}

export function validateExpectedRevision(expected: unknown): ExpectedRevision {
  if (expected === undefined) return 'any';
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists')
    return expected;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0)
    return expected;
  throw new InvalidAppend(
    `expected revision ${String(expected)} is not any, no_stream, stream_exists or an integer >= 0`,
  );
}

/**
 * Checks everything that can be known without the store, so a bad append writes nothing.
 * Data must survive a JSON round trip unchanged: values JSON.stringify would drop or alter
 * (undefined, functions, NaN, Dates, class instances) are refused instead of silently lost.
 * Every event must also have a Merkle leaf (RFC 8785 canonical JSON, UTF-8): a string with a
 * lone surrogate has none, and an event the log cannot hash would stop the log for good, since
 * events are immutable. So the leaf is built here, by the log's own encoder, before anything is
 * written; every adapter appends through this function.
 */
export function validateAppend(
  streamId: unknown,
  events: unknown,
  expected: unknown,
): ValidatedAppend {
  const stream = validateStreamId(streamId);
  const expectedRevision = validateExpectedRevision(expected);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppend('an append needs a non-empty array of events');
  }
  const seen = new Set<string>();
  const validated = events.map((event: unknown, index): ValidatedEvent => {
    if (!isPlainObject(event)) throw new InvalidAppend(`event #${index} is not an object`);
    const { id, type, data, metadata } = event;
    if (typeof id !== 'string' || !UUID.test(id)) {
      throw new InvalidAppend(
        `event #${index}: id ${JSON.stringify(id) ?? String(id)} is not a UUID`,
      );
    }
    const lowerId = id.toLowerCase();
    if (seen.has(lowerId))
      throw new InvalidAppend(`event id ${lowerId} appears twice in one append`);
    seen.add(lowerId);
    // '$'-types are EventStoreDB system events, which the global order leaves out.
    if (typeof type !== 'string' || type.trim() === '' || type.startsWith('$')) {
      throw new InvalidAppend(
        `event #${index}: type must be a non-empty string not starting with '$'`,
      );
    }
    if (!isWellFormedUnicode(type))
      throw new InvalidAppend(`event #${index}: type holds a lone surrogate`);
    const dataObject = checkJsonObject(data, `event #${index} data`);
    const metadataObject =
      metadata === undefined ? {} : checkJsonObject(metadata, `event #${index} metadata`);
    assertLeafEncodable(stream, lowerId, type, dataObject, metadataObject, index);
    return {
      id: lowerId,
      type,
      data: dataObject,
      metadata: metadataObject,
      dataJson: JSON.stringify(dataObject),
      metadataJson: JSON.stringify(metadataObject),
    };
  });
  return { streamId: stream, expectedRevision, events: validated };
}

function checkJsonObject(value: unknown, where: string): JsonObject {
  if (!isPlainObject(value)) throw new InvalidAppend(`${where} must be a plain JSON object`);
  checkJson(value, where, new Set());
  return value as JsonObject;
}

/**
 * The log's leaf encoder must accept the event. Revision and recordedAt are the store's to set
 * (a safe integer, an ISO timestamp), so stand-ins of the same kind decide the same way.
 */
function assertLeafEncodable(
  streamId: string,
  id: string,
  type: string,
  data: JsonObject,
  metadata: JsonObject,
  index: number,
): void {
  try {
    leafJson({ streamId, revision: 0, id, type, recordedAt: LEAF_TIME, data, metadata });
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    throw new InvalidAppend(`event #${index} has no Merkle leaf encoding: ${error.message}`);
  }
}
const LEAF_TIME = '1970-01-01T00:00:00.000Z';

function checkJson(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
      if (!isWellFormedUnicode(value))
        throw new InvalidAppend(`${path} holds a lone surrogate, which has no UTF-8 form`);
      return;
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value))
        throw new InvalidAppend(`${path} is ${value}, not a finite number`);
      return;
    case 'object':
      break;
    default:
      throw new InvalidAppend(`${path} is a ${typeof value}, not JSON`);
  }
  if (value === null) return;
  if (ancestors.has(value)) throw new InvalidAppend(`${path} refers back to itself (cycle)`);
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new InvalidAppend(`${path}[${i}] is a hole, not JSON`);
      checkJson(value[i], `${path}[${i}]`, ancestors);
    }
  } else if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (!isWellFormedUnicode(key))
        throw new InvalidAppend(`${path} has a key with a lone surrogate, which has no UTF-8 form`);
      checkJson(child, `${path}.${key}`, ancestors);
    }
  } else {
    throw new InvalidAppend(
      `${path} is a ${value.constructor?.name ?? 'non-plain'} object, not plain JSON`,
    );
  }
  ancestors.delete(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
