/** Scheduled backups while serving (LEDGER_BACKUP_DIR, LEDGER_BACKUP_INTERVAL, LEDGER_BACKUP_KEEP). */
export interface BackupConfig {
  /** Each run writes a new `ledger-<UTC time>` directory in here. */
  dir: string;
  intervalMs: number;
  /** The newest this many backups are kept; older ones are deleted after a successful run. */
  keep: number;
  /** LEDGER_BACKUP_PRIVATE_KEYS=1 with LEDGER_BACKUP_PASSPHRASE: private keys, sealed. */
  passphrase?: string;
}
