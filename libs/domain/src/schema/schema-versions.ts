import type { DomainEventType } from '../events';

/**
 * Current schema version of each event type. The store keeps the version an event was written
 * with in its metadata `schemaVersion`; readers upcast older payloads (see upcast.ts). Bump a
 * version only together with an upcaster from the previous one.
 */
export const CURRENT_SCHEMA_VERSION: Readonly<Record<DomainEventType, number>> = {
  TraineeEnrolled: 2,
  TraineeTransferred: 1,
  AssessmentRecorded: 1,
  CompetencySignedOff: 1,
  RotaParticipationRecorded: 1,
  TrainingTimeRecognised: 1,
  RotationDeclared: 1,
  SubjectDataErased: 1,
  AssessmentRequested: 1,
  CompetencySignOffRequested: 1,
  RequestWithdrawn: 1,
  ReflectionWritten: 1,
  ReflectionSharingChanged: 1,
  TraineeRecordCommitted: 1,
  ExternalEvidenceRecognised: 1,
  ExternalEvidenceRecognitionWithdrawn: 1,
  SupervisorAccredited: 1,
  SupervisorAccreditationRevoked: 1,
  CaseLogged: 2,
  CaseAmended: 1,
  CaseRetracted: 1,
  CaseSignedOff: 1,
  CaseSignOffDisputed: 1,
  CaseSupervisionLevelCorrected: 1,
  CaseOutcomeRecorded: 1,
  PolicyPublished: 1,
  CredentialApplicationSubmitted: 1,
  CredentialDecisionRecorded: 2,
  CredentialIssued: 1,
  CredentialSuspended: 1,
  CredentialReinstated: 1,
  CredentialRevoked: 1,
  PanelVoteCast: 1,
  CredentialFlaggedForReview: 1,
  CredentialReviewResolved: 1,
};

export function currentSchemaVersion(type: DomainEventType): number {
  return CURRENT_SCHEMA_VERSION[type];
}

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA_VERSION, type);
}
