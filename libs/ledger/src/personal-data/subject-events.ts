import { isDomainEventType, personalDataOf } from '@inr/domain';
import type { EventStore, RecordedEvent } from '@inr/event-store';
import { fieldAt, subjectOfEvent } from './personal-data';
import { scanLedger } from './scan-ledger';

/**
 * Every event that names the person: as the subject of its personal fields, or in a field
 * holding a person's id (PERSONAL_DATA's `people`), or on an application stream of theirs.
 * One pass over the ledger, a page at a time: subject access is rare and must be complete, so
 * it does not rest on read models that index only some of these fields.
 */
export async function eventsAboutSubject(
  store: EventStore,
  subjectId: string,
  onProgress?: (read: number, total: number) => void,
): Promise<RecordedEvent[]> {
  const applications = new Set<string>();
  const found: RecordedEvent[] = [];
  await scanLedger(
    store,
    (event) => {
      if (!isDomainEventType(event.type)) return;
      const data = event.data as Record<string, unknown>;
      if (event.type === 'CredentialApplicationSubmitted' && data['traineeId'] === subjectId)
        applications.add(event.streamId);
      if (namesSubject(event, subjectId, applications)) found.push(event);
    },
    onProgress,
  );
  return found;
}

function namesSubject(event: RecordedEvent, subjectId: string, applications: Set<string>): boolean {
  if (applications.has(event.streamId)) return true;
  if (event.streamId === `subject-${subjectId}`) return true;
  const data = event.data as Record<string, unknown>;
  if (subjectOfEvent(event.type, data) === subjectId) return true;
  const { people } = personalDataOf(event.type as Parameters<typeof personalDataOf>[0]);
  return people.some((path) => fieldAt(data, path) === subjectId);
}
