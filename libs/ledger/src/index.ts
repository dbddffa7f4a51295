export { SqliteHashStore } from './sqlite-hash-store';
export { PostgresLedgerStore } from './postgres/postgres-ledger-store';
export { LEDGER_MIGRATIONS } from './postgres/ledger-migrations';
export { openLedgerStore } from './open-ledger-store';
export { openPersonalDataKeys } from './open-personal-data-keys';
export {
  KEY_CACHE_MS,
  PERSONAL_DATA_KEY_MIGRATIONS,
  PostgresPersonalDataKeys,
} from './postgres/postgres-personal-data-keys';
export {
  copyPersonalDataKeysToPostgres,
  PersonalDataKeyConflictError,
  planPersonalDataKeyCopy,
  type KeyCopyResult,
} from './postgres/copy-personal-data-keys';
export { copyLedgerToPostgres, ForeignLedgerError } from './postgres/copy-ledger-to-postgres';
export type { LedgerCopyResult } from './postgres/copy-ledger-to-postgres';
export type {
  LedgerStore,
  StoredCheckpoint,
  TransactionalHashStore,
  WitnessState,
} from './sqlite-hash-store';
export { MemoryLedgerStore } from './memory-ledger-store';
export { LedgerLog, LeafEncodingError, LeafMismatchError, LeafOrderError } from './ledger-log';
export { LogIntegrator } from './log-integrator';
export { defaultAuditThreads } from './worker-leaves';
export type { LogIntegratorOptions } from './log-integrator';
export type { BackoffOptions, LogFailure } from './retry-backoff';
export type { FollowOptions, LedgerEntry } from './ledger-log';
export {
  defaultOrigin,
  LOG_KEY_FILE,
  loadOrCreateSigningKey,
  loadSigningKey,
  readSigningKeyFile,
  SigningKeyError,
  writeSigningKeyFile,
} from './signing-key';
export {
  Checkpointer,
  InconsistentCheckpointError,
  SigningBlockedError,
  SigningKeyPendingError,
} from './checkpointer';
export type { CheckpointerOptions } from './checkpointer';
export {
  LOG_KEY_ROTATED,
  rotationOf,
  rotationStatementText,
  rotationStream,
  signRotation,
  verifyRotation,
} from './key-rotation';
export type { LogKeyRotation, RotationCheck } from './key-rotation';
export { epochFor, keyChain } from './key-chain';
export type { LogKeyEpoch, LogKeyRecord } from './key-chain';
export { NEXT_LOG_KEY_FILE, rotateLogKey } from './rotate-log-key';
export type { LogKeyRotationResult, RotateLogKeyOptions } from './rotate-log-key';
export { WitnessService } from './witness-service';
export type { AddCheckpointResult, WitnessConfig } from './witness-service';
export { submitToWitnesses } from './submit-to-witnesses';
export type { HttpPost, SubmitDeps, SubmitOutcome, WitnessEndpoint } from './submit-to-witnesses';
export { audit } from './audit';
export type { AuditOptions, AuditReason, AuditResult } from './audit';
export { BUNDLE_FORMAT, BUNDLE_FORMAT_V2, verifyBundle, verifyEventProofs } from './bundle';
export { checkBundleShape, parseBundle } from './bundle-shape';
export { checkDecision, DECISION_EVENT_TYPE, PUBLICATION_EVENT_TYPE } from './decision-checks';
export type { DecisionCheck, DecisionCheckOptions } from './decision-checks';
export type {
  BundleCheck,
  BundleDecision,
  EventProofs,
  ProofCheck,
  ProofVerification,
  VerifyOptions,
  BundleEvent,
  BundleReport,
  BundleVerification,
  ProvenanceBundle,
  ReEvaluate,
} from './bundle';
export { buildBundle, buildEventProofs } from './build-bundle';
export { pathwayContentHash } from './pathway-content-hash';
export { commitEvidence, evidenceDigest, evidenceOf, isApplicantRecord } from './evidence';
export type { EvidenceCommitment, EvidenceLeaf } from './evidence';
export {
  LOG_RESET,
  logResetData,
  logResetOf,
  logResetStatementText,
  signLogReset,
  verifyLogReset,
} from './log-reset';
export type { LogReset, LogResetFields } from './log-reset';
export {
  abandonedBy,
  checkpointRoot,
  findSigningBlock,
  publishedFromNote,
} from './published-checkpoints';
export type { LogResetRecord, PublishedCheckpoint, SigningBlock } from './published-checkpoints';
export { LogResetRefused, resetLog } from './reset-log';
export type { ResetLogOptions } from './reset-log';
export { reenterEvents } from './reenter-events';
export type { ReenterOptions, ReenterResult } from './reenter-events';
export { baselineCheckpoint, chainFor, signingBlockOf } from './signing-guard';
export { probeWitnesses } from './probe-witnesses';
export type { WitnessProbe } from './probe-witnesses';
export { AUDIT_BUNDLE_FORMAT, verifyAuditBundle } from './trust-audit-bundle';
export type {
  AuditBundle,
  AuditBundleCheck,
  AuditBundleVerification,
  RecomputeAudit,
} from './trust-audit-bundle';
export { derivedEventId } from './key-rotation';
export {
  isRecordLeaf,
  isSignerAccreditation,
  RECOGNITION_EVENT_TYPE,
  signersNamed,
  TRAINEE_RECORD_COMMITTED,
  traineeRecordCommitment,
} from './trainee-record';
export type { TraineeRecordCommitment } from './trainee-record';
export {
  checkForeignBundles,
  TRAINEE_BUNDLE_FORMAT,
  traineeBundleHash,
  verifyTraineeBundle,
} from './trainee-bundle';
export { recognitionsInEvidence } from './decision-checks';
export type {
  TraineeBundle,
  TraineeBundleCheck,
  TraineeBundleReport,
  TraineeBundleVerification,
} from './trainee-bundle';
export {
  checkTraineeBundleShape,
  MAX_FOREIGN_DEPTH,
  parseTraineeBundle,
} from './trainee-bundle-shape';
export type { TraineeShape } from './trainee-bundle-shape';
export { FOREIGN_BUNDLES_DIR, ForeignBundleStore } from './foreign-bundle-store';
export * from './personal-data';
export { SyncPostgres, SyncPostgresError } from './postgres/sync-postgres';
export type { SyncStatement } from './postgres/sync-postgres-thread';
