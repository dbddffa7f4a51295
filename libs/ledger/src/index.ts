export { SqliteHashStore } from './sqlite-hash-store';
export type {
  LedgerStore,
  StoredCheckpoint,
  TransactionalHashStore,
  WitnessState,
} from './sqlite-hash-store';
export { MemoryLedgerStore } from './memory-ledger-store';
export { LedgerLog, LeafMismatchError, LeafOrderError } from './ledger-log';
export type { FollowOptions, LedgerEntry } from './ledger-log';
export { defaultOrigin, loadOrCreateSigningKey, SigningKeyError } from './signing-key';
export { Checkpointer, InconsistentCheckpointError } from './checkpointer';
export type { CheckpointerOptions } from './checkpointer';
export { WitnessService } from './witness-service';
export type { AddCheckpointResult, WitnessConfig } from './witness-service';
export { submitToWitnesses } from './submit-to-witnesses';
export type { HttpPost, SubmitDeps, SubmitOutcome, WitnessEndpoint } from './submit-to-witnesses';
export { audit } from './audit';
export type { AuditOptions, AuditReason, AuditResult } from './audit';
export { BUNDLE_FORMAT, verifyBundle } from './bundle';
export type {
  BundleCheck,
  BundleEvent,
  BundleReport,
  BundleVerification,
  ProvenanceBundle,
  ReEvaluate,
} from './bundle';
export { buildBundle } from './build-bundle';
export { runLedgerBench } from './bench/ledger-bench';
export type { LedgerBenchOptions, LedgerBenchResult, Percentiles } from './bench/ledger-bench';
