import type { DomainEvent } from '@inr/domain';
import { isEnvelope, SubjectErasedError, subjectOfEvent, type PersonalData } from '@inr/ledger';
import type { RecordedEvent } from '@inr/event-store';
import { unprocessable } from '../platform/problem/problem.exception';

/**
 * Each event's data with its personal fields sealed under its subject's key (PERSONAL_DATA).
 * Credential life events name only the application: their subject is the applicant, from the
 * application stream's submission.
 */
export function sealEvents(
  personal: PersonalData,
  events: readonly DomainEvent[],
  stream: readonly RecordedEvent[],
): Record<string, unknown>[] {
  const submitted = [...stream, ...events].find((e) => e.type === 'CredentialApplicationSubmitted');
  const applicant = (submitted?.data as { traineeId?: string } | undefined)?.traineeId;
  return events.map((event) => {
    const data = event.data as unknown as Record<string, unknown>;
    const subject = subjectOfEvent(event.type, data, applicant);
    try {
      return personal.seal(event.type, data, subject);
    } catch (error) {
      if (error instanceof SubjectErasedError)
        throw unprocessable(
          'SUBJECT_ERASED',
          "this person's personal data was erased: nothing personal is recorded for them now",
        );
      throw error;
    }
  });
}

/**
 * A sealed value is only ever made here: one sent in a command (copied from a bundle, say)
 * would be opened for whoever reads the record it lands in.
 */
export function refuseEnvelopes(value: unknown, path = ''): void {
  if (isEnvelope(value))
    throw unprocessable('INVALID_VALUE', `'${path || 'value'}' must not be a sealed value`);
  if (Array.isArray(value)) value.forEach((item, i) => refuseEnvelopes(item, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value))
      refuseEnvelopes(item, path ? `${path}.${key}` : key);
}
