import { isDomainEventType, personalDataOf } from '@inr/domain';
import type { EventStore, RecordedEvent } from '@inr/event-store';
import { subjectOfEvent } from './personal-data';

const PAGE = 5000;

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
  const total = await store.count();
  const applications = new Set<string>();
  const found: RecordedEvent[] = [];
  for (let from = 0; from < total; from += PAGE) {
    const page = await store.readAll({
      fromPosition: from,
      maxCount: Math.min(PAGE, total - from),
    });
    for (const event of page) {
      if (!isDomainEventType(event.type)) continue;
      const data = event.data as Record<string, unknown>;
      if (event.type === 'CredentialApplicationSubmitted' && data['traineeId'] === subjectId)
        applications.add(event.streamId);
      if (namesSubject(event, subjectId, applications)) found.push(event);
    }
    onProgress?.(Math.min(from + PAGE, total), total);
  }
  return found;
}

function namesSubject(event: RecordedEvent, subjectId: string, applications: Set<string>): boolean {
  if (applications.has(event.streamId)) return true;
  if (event.streamId === `subject-${subjectId}`) return true;
  const data = event.data as Record<string, unknown>;
  if (subjectOfEvent(event.type, data) === subjectId) return true;
  const { people } = personalDataOf(event.type as Parameters<typeof personalDataOf>[0]);
  return people.some((path) => valueAt(data, path) === subjectId);
}

function valueAt(data: Record<string, unknown>, path: string): unknown {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const value = data[head];
  if (tail === undefined) return value;
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[tail]
    : undefined;
}
