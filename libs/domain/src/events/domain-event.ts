import type * as C from './case-events';
import type * as K from './credential-events';
import type * as P from './panel-events';
import type * as F from './portfolio-events';
import type * as R from './recognition-events';
import type * as S from './supervisor-events';
import type * as T from './trainee-events';

/** Every event type with its payload. Names are past tense in the users' language (docs/domain.md). */
export interface DomainEventMap {
  TraineeEnrolled: T.TraineeEnrolled;
  TraineeTransferred: T.TraineeTransferred;
  AssessmentRecorded: T.AssessmentRecorded;
  CompetencySignedOff: T.CompetencySignedOff;
  RotaParticipationRecorded: T.RotaParticipationRecorded;
  TrainingTimeRecognised: T.TrainingTimeRecognised;
  RotationDeclared: T.RotationDeclared;
  SubjectDataErased: T.SubjectDataErased;
  AssessmentRequested: F.AssessmentRequested;
  CompetencySignOffRequested: F.CompetencySignOffRequested;
  RequestWithdrawn: F.RequestWithdrawn;
  ReflectionWritten: F.ReflectionWritten;
  ReflectionSharingChanged: F.ReflectionSharingChanged;
  TraineeRecordCommitted: R.TraineeRecordCommitted;
  ExternalEvidenceRecognised: R.ExternalEvidenceRecognised;
  ExternalEvidenceRecognitionWithdrawn: R.ExternalEvidenceRecognitionWithdrawn;
  SupervisorAccredited: S.SupervisorAccredited;
  SupervisorAccreditationRevoked: S.SupervisorAccreditationRevoked;
  CaseLogged: C.CaseLogged;
  CaseAmended: C.CaseAmended;
  CaseRetracted: C.CaseRetracted;
  CaseSignedOff: C.CaseSignedOff;
  CaseSignOffDisputed: C.CaseSignOffDisputed;
  CaseSupervisionLevelCorrected: C.CaseSupervisionLevelCorrected;
  CaseOutcomeRecorded: C.CaseOutcomeRecorded;
  PolicyPublished: K.PolicyPublished;
  CredentialApplicationSubmitted: K.CredentialApplicationSubmitted;
  CredentialDecisionRecorded: K.CredentialDecisionRecorded;
  CredentialIssued: K.CredentialIssued;
  CredentialSuspended: K.CredentialSuspended;
  CredentialReinstated: K.CredentialReinstated;
  CredentialRevoked: K.CredentialRevoked;
  PanelVoteCast: P.PanelVoteCast;
  CredentialFlaggedForReview: P.CredentialFlaggedForReview;
  CredentialReviewResolved: P.CredentialReviewResolved;
}

export type DomainEventType = keyof DomainEventMap;

/** A domain event as deciders produce and evolve it (no store fields). */
export type DomainEvent = {
  [K in DomainEventType]: { type: K; data: DomainEventMap[K] };
}[DomainEventType];

export type EventOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>;

/**
 * Stream per aggregate: trainee-<id> (enrolment, transfers, assessments, competencies, rota,
 * training time, the trainee's requests and reflections), case-<id>, supervisor-<id>,
 * policy-<pathwayId>, application-<id> (the application, the panel's votes, its decision,
 * review flags and the credential's life).
 */
export const STREAM_CATEGORIES = [
  'trainee',
  'case',
  'supervisor',
  'policy',
  'application',
  'institution',
  /** subject-<personId>: the erasure of a person's personal data. */
  'subject',
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

export function streamName(category: StreamCategory, id: string): string {
  return `${category}-${id}`;
}
