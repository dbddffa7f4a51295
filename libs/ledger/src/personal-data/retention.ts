import { isDomainEventType, personalDataOf } from '@inr/domain';
import type { EventStore } from '@inr/event-store';
import type { PersonalDataKeyStore } from './key-store';
import { fieldAt, subjectOfEvent } from './personal-data';
import { scanLedger } from './scan-ledger';

/** Years after a person's last recorded event that their personal data is kept; 0: kept. */
export interface RetentionRules {
  traineeYears: number;
  supervisorYears: number;
}

export type SubjectKind = 'trainee' | 'supervisor';

export interface RetentionDue {
  subjectId: string;
  kind: SubjectKind;
  /** Day of the person's last recorded event (YYYY-MM-DD). */
  lastActivity: string;
  /** The day their data fell due for erasure. */
  dueOn: string;
}

export interface RetentionReport {
  /** People whose data key is held and whose rule has run out, oldest first. */
  due: RetentionDue[];
  /** Erasures recorded whose key is still held (a crash between the two steps). */
  unfinished: { subjectId: string; erasedOn: string }[];
  eventsRead: number;
}

/**
 * One pass over the ledger: each person's kind (enrolled trainee, accredited supervisor) and
 * the day of the last event naming them, then the rule per kind against today.
 */
export async function retentionReport(
  store: EventStore,
  keys: PersonalDataKeyStore,
  rules: RetentionRules,
  today: string,
  onProgress?: (read: number, total: number) => void,
): Promise<RetentionReport> {
  const kinds = new Map<string, SubjectKind>();
  const last = new Map<string, string>();
  const erased = new Map<string, string>();
  const applicants = new Map<string, string>();
  const total = await scanLedger(
    store,
    (event) => {
      if (!isDomainEventType(event.type)) return;
      const data = event.data as Record<string, unknown>;
      const day = event.recordedAt.slice(0, 10);
      if (event.type === 'TraineeEnrolled') kinds.set(String(data['traineeId']), 'trainee');
      if (event.type === 'SupervisorAccredited' && !kinds.has(String(data['supervisorId'])))
        kinds.set(String(data['supervisorId']), 'supervisor');
      if (event.type === 'SubjectDataErased')
        erased.set(String(data['subjectId']), String(data['erasedOn']));
      if (event.type === 'CredentialApplicationSubmitted')
        applicants.set(event.streamId, String(data['traineeId']));
      const named = [
        subjectOfEvent(event.type, data, applicants.get(event.streamId)),
        ...(personalDataOf(event.type).people as readonly string[]).map((path) =>
          fieldAt(data, path),
        ),
      ];
      for (const id of named)
        if (typeof id === 'string' && day > (last.get(id) ?? '')) last.set(id, day);
    },
    onProgress,
  );
  const held = new Set(keys.subjects());
  const due: RetentionDue[] = [];
  for (const subjectId of held) {
    const kind = kinds.get(subjectId);
    const lastActivity = last.get(subjectId);
    if (kind === undefined || lastActivity === undefined || erased.has(subjectId)) continue;
    const years = kind === 'trainee' ? rules.traineeYears : rules.supervisorYears;
    if (years <= 0) continue;
    const dueOn = addYears(lastActivity, years);
    if (dueOn <= today) due.push({ subjectId, kind, lastActivity, dueOn });
  }
  due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.subjectId.localeCompare(b.subjectId));
  const unfinished = [...erased]
    .filter(([subjectId]) => held.has(subjectId))
    .map(([subjectId, erasedOn]) => ({ subjectId, erasedOn }));
  return { due, unfinished, eventsRead: total };
}

/** YYYY-MM-DD plus whole years (29 February becomes 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}
