import type { DomainEvent, DomainEventType, JsonObject } from '../events';
import { CURRENT_SCHEMA_VERSION, isDomainEventType } from './schema-versions';
import { UPCASTERS } from './upcasters';

/**
 * Thrown, not returned: a payload newer than this code, or an unknown event type, is a
 * deployment fault (an old reader on a new ledger), not a business outcome.
 */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';
}

/**
 * Brings a stored payload up to the current schema of its type by walking the upcaster chain
 * from `schemaVersion` (absent means 1: events written before versions were recorded).
 */
export function upcast(
  type: string,
  schemaVersion: number | undefined,
  data: JsonObject,
): JsonObject {
  if (!isDomainEventType(type)) throw new SchemaVersionError(`Unknown event type '${type}'.`);
  const current = CURRENT_SCHEMA_VERSION[type];
  const from = schemaVersion ?? 1;
  if (!Number.isInteger(from) || from < 1 || from > current) {
    throw new SchemaVersionError(
      `${type} schema version ${from} is not readable; this code reads versions 1..${current}.`,
    );
  }
  const chain = UPCASTERS[type] ?? [];
  let result = data;
  for (let version = from; version < current; version++) {
    const step = chain[version - 1];
    if (!step) throw new SchemaVersionError(`${type} has no upcaster from version ${version}.`);
    result = step(result);
  }
  return result;
}

/** Upcasts a stored event into the DomainEvent the deciders fold. */
export function upcastEvent(stored: {
  type: string;
  data: JsonObject;
  metadata?: { schemaVersion?: unknown } | null;
}): DomainEvent {
  const version = stored.metadata?.schemaVersion;
  if (version !== undefined && typeof version !== 'number') {
    throw new SchemaVersionError(`${stored.type} has a non-numeric schemaVersion.`);
  }
  const data = upcast(stored.type, version, stored.data);
  // The payload now has the current shape of `type`; the API validated it when it was written.
  return { type: stored.type as DomainEventType, data } as unknown as DomainEvent;
}
