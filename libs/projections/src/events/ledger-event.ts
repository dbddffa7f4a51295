import { isDomainEventType, upcast } from '@inr/domain';
import type { JsonObject, RecordedEvent } from '@inr/event-store';

/**
 * An event as read models see it: the store's record after upcasting to the current schema.
 * Folds take this shape so live projections and time-travel queries share one code path.
 */
export interface LedgerEvent {
  position: number;
  id: string;
  type: string;
  streamId: string;
  data: JsonObject;
  metadata: JsonObject;
  recordedAt: string;
}

export function toLedgerEvent(event: RecordedEvent): LedgerEvent {
  const schemaVersion = event.metadata['schemaVersion'];
  // Types the domain does not know (the log's own LogKeyRotated, say) pass through untouched.
  const data = !isDomainEventType(event.type)
    ? event.data
    : upcast(event.type, typeof schemaVersion === 'number' ? schemaVersion : undefined, event.data);
  return {
    position: event.position,
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  };
}

/** Reads a string field of an event's data, or undefined when absent or not a string. */
export function str(data: JsonObject, field: string): string | undefined {
  const value = data[field];
  return typeof value === 'string' ? value : undefined;
}

/** The actor who caused an event, from its metadata (null when the event predates actors). */
export interface RecordedActor {
  subject: string;
  role: string;
  institutionId: string | null;
}

export function actorOf(event: LedgerEvent): RecordedActor | null {
  const actor = event.metadata['actor'];
  if (actor === null || typeof actor !== 'object' || Array.isArray(actor)) return null;
  const subject = actor['subject'];
  const role = actor['role'];
  const institutionId = actor['institutionId'];
  if (typeof subject !== 'string' || typeof role !== 'string') return null;
  return { subject, role, institutionId: typeof institutionId === 'string' ? institutionId : null };
}
