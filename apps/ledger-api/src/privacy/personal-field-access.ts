import type { AuthenticatedActor } from '../auth/actor';
import { authorize, type ReadAction, type Resource } from '../auth/authorize';

/** The record an event is part of, as that record's own read route checks it. */
export interface EventRecord {
  action: ReadAction;
  resource: Resource;
}

/**
 * Requests a trainee addresses to one person: the note is for that person and its author (as in
 * the supervisor's queue), not for every reader of the trainee's record.
 */
const ADDRESSED_TO: Readonly<Record<string, string>> = {
  AssessmentRequested: 'assessorId',
  CompetencySignOffRequested: 'signerId',
};

/** Whether an addressed request's note is for this reader (any other event: yes). */
export function mayReadAddressedNote(
  actor: AuthenticatedActor,
  type: string,
  data: Record<string, unknown>,
): boolean {
  const addressee = ADDRESSED_TO[type];
  return (
    addressee === undefined ||
    actor.subject === data[addressee] ||
    actor.subject === data['traineeId']
  );
}

/**
 * Whether the reader may read an event's personal fields: exactly when they could read them
 * through the record's own views (its POLICY row, on the same record facts), narrowed for
 * addressed notes. An event of no readable record (a supervisor's accreditation: no view shows
 * a GMC number) is read by nobody here; subject access is the person's way to it.
 */
export function mayReadPersonalFields(
  actor: AuthenticatedActor,
  event: { type: string; data: Record<string, unknown> },
  record: EventRecord | undefined,
): boolean {
  return (
    record !== undefined &&
    authorize(actor, record.action, record.resource).allowed &&
    mayReadAddressedNote(actor, event.type, event.data)
  );
}
