// The personal-data inventory (docs/privacy.md): for every event type, which of its fields are
// personal data of which person. Personal fields are encrypted under that person's data key
// before the event is appended, so erasing the person (destroying the key) leaves every leaf,
// proof and decision intact. An event type missing here fails the build (the mapped type) and
// personal-fields.unit.spec.ts; a helper adding an event type classifies it here.
//
// Rule of thumb: free text (notes, comments, reasons, reflections) and identifiers that name a
// person outside the ledger (a GMC number) are personal and encrypted. Facts a decision is
// evaluated on (dates, roles, counts, grades, institutions, the pseudonymous ids of trainees and
// signers) stay in clear: a decision must replay identically after an erasure.
import type { DomainEventMap, DomainEventType } from '../events';

/** Why a field is personal: what the inventory and a DPIA report. */
export type PersonalFieldKind =
  /** Written by a person about a person: notes, comments, reasons, reflections. */
  | 'free-text'
  /** Names a person in a public register (a GMC reference number). */
  | 'registration-number'
  /** Points at a document about the person held elsewhere (a letter, an ARCP outcome). */
  | 'reference';

/** Keys of T whose values are strings (optional ones included). */
type StringKeys<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends string ? K : never;
}[keyof T & string];

/** A string field of an event, top level or one object down ("changes.notes"). */
export type FieldPath<T> =
  | StringKeys<T>
  | {
      [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
        ? never
        : NonNullable<T[K]> extends object
          ? `${K}.${StringKeys<NonNullable<T[K]>>}`
          : never;
    }[keyof T & string];

/**
 * Whose personal data the event's personal fields are: the person whose id is in a field of the
 * event, or the applicant of the event's application stream (credential life events name only
 * the application), or nobody (the event holds no personal field).
 */
export type SubjectOf<T> = { field: StringKeys<T> } | { applicantOf: 'applicationId' } | 'none';

export interface PersonalField<T> {
  path: FieldPath<T>;
  kind: PersonalFieldKind;
}

export interface EventPersonalData<T> {
  subject: SubjectOf<T>;
  /** Encrypted under the subject's data key before the event is appended. */
  fields: readonly PersonalField<T>[];
  /**
   * Fields holding a person's pseudonymous id, kept in clear: streams are keyed by them and
   * evaluation counts distinct signers by them. Subject access finds a person's events by them.
   */
  people: readonly FieldPath<T>[];
}

export type PersonalDataInventory = {
  readonly [K in DomainEventType]: EventPersonalData<DomainEventMap[K]>;
};

const text = <T>(path: FieldPath<T>): PersonalField<T> => ({ path, kind: 'free-text' });

export const PERSONAL_DATA: PersonalDataInventory = {
  TraineeEnrolled: { subject: 'none', fields: [], people: ['traineeId'] },
  TraineeTransferred: { subject: 'none', fields: [], people: ['traineeId'] },
  AssessmentRecorded: {
    subject: { field: 'traineeId' },
    fields: [text('comment')],
    people: ['traineeId', 'assessorId'],
  },
  CompetencySignedOff: { subject: 'none', fields: [], people: ['traineeId', 'signerId'] },
  RotaParticipationRecorded: { subject: 'none', fields: [], people: ['traineeId'] },
  TrainingTimeRecognised: {
    subject: { field: 'traineeId' },
    fields: [{ path: 'evidenceRef', kind: 'reference' }],
    people: ['traineeId', 'recognisedBy'],
  },
  RotationDeclared: { subject: 'none', fields: [], people: ['traineeId', 'declaredBy'] },
  // The reason stays readable: a regulator must see why an erasure happened. It is checked
  // for patient identifiers like every string, and docs/privacy.md asks for no personal detail.
  SubjectDataErased: { subject: 'none', fields: [], people: ['subjectId'] },
  // A trainee's note to the person asked is the trainee's own writing.
  AssessmentRequested: {
    subject: { field: 'traineeId' },
    fields: [text('note')],
    people: ['traineeId', 'assessorId'],
  },
  CompetencySignOffRequested: {
    subject: { field: 'traineeId' },
    fields: [text('note')],
    people: ['traineeId', 'signerId'],
  },
  // Why the trainee withdrew a request is their own writing, like the note.
  RequestWithdrawn: {
    subject: { field: 'traineeId' },
    fields: [text('reason')],
    people: ['traineeId', 'addresseeId'],
  },
  // Reflections are the trainee's most personal writing: title and text. The supervisors it is
  // shared with are a list of pseudonymous ids in clear (the read policy needs them).
  ReflectionWritten: {
    subject: { field: 'authorId' },
    fields: [text('title'), text('text')],
    people: ['authorId'],
  },
  ReflectionSharingChanged: { subject: 'none', fields: [], people: ['authorId'] },
  TraineeRecordCommitted: { subject: 'none', fields: [], people: ['traineeId'] },
  ExternalEvidenceRecognised: {
    subject: { field: 'traineeId' },
    fields: [text('reason')],
    people: ['traineeId', 'foreignTraineeId', 'recognisedBy'],
  },
  ExternalEvidenceRecognitionWithdrawn: {
    subject: { field: 'traineeId' },
    fields: [text('reason')],
    people: ['traineeId', 'withdrawnBy'],
  },
  SupervisorAccredited: {
    subject: { field: 'supervisorId' },
    fields: [{ path: 'gmcNumber', kind: 'registration-number' }],
    people: ['supervisorId'],
  },
  SupervisorAccreditationRevoked: {
    subject: { field: 'supervisorId' },
    fields: [text('reason')],
    people: ['supervisorId'],
  },
  // localRef is the trust's pseudonymous reference to the patient's case: it links the trainee's
  // log to a local record, so it goes with the trainee's data. Clinical details stay in clear
  // (the trust audit counts them; patient identifiers are refused everywhere).
  CaseLogged: {
    subject: { field: 'traineeId' },
    fields: [text('notes'), { path: 'localRef', kind: 'reference' }],
    people: ['traineeId', 'supervisorId'],
  },
  CaseAmended: {
    subject: { field: 'traineeId' },
    fields: [
      text('reason'),
      text('changes.notes'),
      { path: 'changes.localRef', kind: 'reference' },
    ],
    people: ['traineeId', 'changes.supervisorId'],
  },
  CaseRetracted: {
    subject: { field: 'traineeId' },
    fields: [text('reason')],
    people: ['traineeId'],
  },
  // A supervisor's comment or dispute is about the trainee's case: the trainee's record.
  CaseSignedOff: {
    subject: { field: 'traineeId' },
    fields: [text('comment')],
    people: ['traineeId', 'supervisorId'],
  },
  CaseSignOffDisputed: {
    subject: { field: 'traineeId' },
    fields: [text('reason')],
    people: ['traineeId', 'supervisorId'],
  },
  // Levels and dates only: the evaluation counts the corrected level.
  CaseSupervisionLevelCorrected: {
    subject: 'none',
    fields: [],
    people: ['traineeId', 'supervisorId'],
  },
  CaseOutcomeRecorded: { subject: 'none', fields: [], people: ['traineeId'] },
  // A pathway and its change note are published policy, about no person.
  PolicyPublished: { subject: 'none', fields: [], people: ['publishedBy'] },
  CredentialApplicationSubmitted: { subject: 'none', fields: [], people: ['traineeId'] },
  // The evaluation is recorded verbatim and replayed byte for byte: it stays in clear; the
  // panel's prose does not count towards it.
  CredentialDecisionRecorded: {
    subject: { field: 'traineeId' },
    fields: [text('reasons'), text('overrideReason')],
    people: ['traineeId', 'panelMemberId'],
  },
  CredentialIssued: { subject: 'none', fields: [], people: ['traineeId'] },
  CredentialSuspended: {
    subject: { applicantOf: 'applicationId' },
    fields: [text('reason')],
    people: [],
  },
  CredentialReinstated: {
    subject: { applicantOf: 'applicationId' },
    fields: [text('reason')],
    people: [],
  },
  CredentialRevoked: {
    subject: { applicantOf: 'applicationId' },
    fields: [text('reason')],
    people: [],
  },
  // A member's reasons are about the applicant: the trainee's record, like the decision's.
  PanelVoteCast: {
    subject: { field: 'traineeId' },
    fields: [text('reasons'), text('overrideReason')],
    people: ['traineeId', 'panelMemberId'],
  },
  // No free text: the cause is a code; the revoked supervisor is named by pseudonymous id.
  CredentialFlaggedForReview: {
    subject: 'none',
    fields: [],
    people: ['traineeId', 'supervisorId'],
  },
  CredentialReviewResolved: {
    subject: { field: 'traineeId' },
    fields: [text('reason')],
    people: ['traineeId', 'panelMemberId'],
  },
};

/** The inventory entry of an event type, loosely typed for code that walks any event. */
export function personalDataOf(type: DomainEventType): EventPersonalData<Record<string, unknown>> {
  return PERSONAL_DATA[type] as unknown as EventPersonalData<Record<string, unknown>>;
}
