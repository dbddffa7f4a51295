// The API app's backup entry point ('@inr/ledger-api/backup'): backup, verify, restore of the
// embedded store, and the witness settings a restore asks, without loading NestJS.
export { takeBackup, BackupError } from './take-backup';
export type { BackupResult, TakeBackupOptions } from './take-backup';
export { verifyBackup } from './verify-backup';
export type { VerifyBackupOptions, VerifyBackupResult } from './verify-backup';
export { restoreBackup, RestoreError } from './restore-backup';
export type { RestoreOptions, RestoreResult } from './restore-backup';
export { BackupFormatError } from './backup-manifest';
export type { BackupManifest } from './backup-manifest';
export { SealError } from './seal-key';
export { loadWitnessConfig } from '../ledger-http/witness-config';
