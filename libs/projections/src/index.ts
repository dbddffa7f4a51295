// Read models of the ledger: the checkpointed runner, rebuild, time travel, provenance, replay.
export type { LedgerEvent, RecordedActor } from './events/ledger-event';
export { toLedgerEvent, actorOf } from './events/ledger-event';
export type { Projection, ProjectionWriter, TableNames } from './runner/projection';
export type { KeyedFold } from './runner/keyed-fold';
export { foldDocuments } from './runner/keyed-fold';
export { documentProjection } from './runner/document-projection';
export type { DocumentColumn, DocumentProjectionSpec } from './runner/document-projection';
export { BatchApplier } from './runner/batch-applier';
export type { BatchHooks } from './runner/batch-applier';
export { ProjectionRunner } from './runner/projection-runner';
export type { Lag, RunnerOptions, RunnerState } from './runner/projection-runner';
export type { RunnerCoordination } from './runner/runner-coordination';
export { readVersions } from './runner/projection-versions';
export type { VersionRow, VersionStatus } from './runner/projection-versions';
export { rebuild } from './runner/rebuild';
export { rebuildShared } from './runner/rebuild-shared';
export type { RebuildOptions, RebuildResult } from './runner/rebuild';
export { openReadModelsDb, READ_MODELS_FILE } from './store/read-models-db';
export type { ReadModelDb, ReadModelStatement } from './store/read-model-db';
export { PostgresReadModelDb } from './store/postgres-read-model-db';
export { PROJECTIONS } from './projections';
export { readModelContext } from './read-model-context';
export type { ReadModelContext } from './read-model-context';
export { InvalidQuery, resolveAsOf } from './time-travel/as-of';
export type { CaseRecord } from './case-registry/case-fold';
export { caseFold, evolveCaseRecord } from './case-registry/case-fold';
export type { CaseRegistryFilter } from './case-registry/case-filter';
export { queryCases } from './case-registry/query-cases';
export type { CasePage, CaseQuery } from './case-registry/query-cases';
export { supervisorQueue } from './supervisor-queue/supervisor-queue';
export type {
  CaseQueueItem,
  QueueItem,
  RequestQueueItem,
  SupervisorQueue,
} from './supervisor-queue/supervisor-queue';
export { AUDIT_REPORT_FORMAT, auditReport } from './trust-audit/audit-report';
export type {
  AuditCheckpoint,
  AuditDimension,
  AuditReport,
  AuditRow,
  AuditScope,
  AuditSeriesRow,
  AuditStatus,
} from './trust-audit/audit-report';
export { auditProcedures, inAuditScope } from './trust-audit/audit-procedures';
export type { AuditProcedure } from './trust-audit/audit-procedures';
export { AUDIT_CSV_HEADER, auditCsv } from './trust-audit/audit-csv';
export { NATIONAL_AUDIT_COLUMNS, nationalAuditCsv } from './trust-audit/national-audit-csv';
export { DEFAULT_AUDIT_THRESHOLDS } from './trust-audit/audit-thresholds';
export type { AuditThreshold } from './trust-audit/audit-thresholds';
export { queryAudit, queryNationalAudit } from './trust-audit/query-audit';
export { auditEvidence, auditFromEvents } from './trust-audit/audit-evidence';
export type { AuditQuery } from './trust-audit/query-audit';
export {
  queryWorkforce,
  summariseWorkforce,
  traineeInstitution,
} from './workforce/workforce-summary';
export type { WorkforceSummary } from './workforce/workforce-summary';
export { ReadModels } from './read-models';
export { knownInstitutions, publishedPathways } from './registry/global-registry';
export type { PublishedVersion } from './registry/global-registry';
export { traineeStatus, traineeHistory, pathwaysOf } from './trainee-status/trainee-status';
export type {
  PathwayProgress,
  TraineeStatus,
  TraineeStatusQuery,
} from './trainee-status/trainee-status';
export { decisionProvenance } from './decisions/decision-provenance';
export type {
  DecisionProvenance,
  ProvenanceEvent,
  ProvenanceRole,
} from './decisions/decision-provenance';
export type { ChangeKind, LaterChange } from './decisions/later-changes';
export { PathwayUnavailable, replayDecision } from './decisions/replay-decision';
export type { DecisionReplay, ReplayUnder } from './decisions/replay-decision';
export { findDecision } from './decisions/find-decision';
export { BundleError, decisionBundle } from './decisions/decision-bundle';
export type { BundleDecision, BundleErrorCode, BundleSources } from './decisions/decision-bundle';
export { auditBundle, checkpointRef } from './trust-audit/audit-bundle';
export type { AuditBundleScope } from './trust-audit/audit-bundle';
export { TraineeBundleError, traineeBundle } from './trainee-bundle/trainee-bundle';
export type { TraineeBundleErrorCode, TraineeBundleSources } from './trainee-bundle/trainee-bundle';
export { RecognitionScopeError, recognitionOfBundle } from './recognition/recognition-of-bundle';
export type { RecognitionContent } from './recognition/recognition-of-bundle';
export { credentialRecords, foldCredentials } from './credentials/credential-registry';
export type { CredentialRecord, StatusChange } from './credentials/credential-registry';
export { knownPathways, pickPathway } from './policy/pathway-resolver';
export type { ResolvedPathway } from './policy/pathway-resolver';
export { APPLICATIONS, applicationsProjection } from './applications/applications-projection';
export type {
  ApplicationDoc,
  ApplicationFlag,
  ApplicationStatus,
  ApplicationVote,
} from './applications/application-fold';
export type { ApplicationView } from './applications/application-view';
export type {
  ApplicationPage,
  ApplicationQuery,
  PendingApplication,
} from './applications/pending-applications';
export type {
  DecisionRecord,
  FlagOnDecision,
  FlaggedRequirement,
  ReviewItem,
  ReviewQueue,
  VouchedDecision,
} from './applications/review-flags';
export { panelConflicts } from './applications/panel-conflicts';
export { logbookCsv, LOGBOOK_CSV_HEADER } from './logbook/logbook';
export type { Logbook, LogbookEntry } from './logbook/logbook';
