/**
 * Erase a person's personal data (UK GDPR Art. 17): their data key is destroyed, so every
 * personal field encrypted under it becomes unreadable; the facts decisions rest on stay.
 */
export interface EraseSubject {
  type: 'EraseSubject';
  /** The trainee's or supervisor's pseudonymous id. */
  subjectId: string;
  /** Why (the request, the retention rule): kept readable for a regulator; no personal detail. */
  reason: string;
}

export type ErasureCommand = EraseSubject;
