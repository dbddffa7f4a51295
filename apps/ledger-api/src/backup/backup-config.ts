import { resolve } from 'node:path';
import type { EventStoreConfig } from '@inr/event-store';
import { parseDuration } from '../config/duration';

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

/** Undefined without LEDGER_BACKUP_DIR; throws on a setting it cannot use. */
export function backupConfigFrom(
  env: NodeJS.ProcessEnv,
  store: EventStoreConfig,
): BackupConfig | undefined {
  const dir = env.LEDGER_BACKUP_DIR?.trim();
  if (!dir) return undefined;
  if (store.kind !== 'sqlite') {
    throw new Error(
      `LEDGER_BACKUP_DIR backs up the embedded store; with ${store.kind} use its own backup (pg_dump for PostgreSQL)`,
    );
  }
  const keep = Number(env.LEDGER_BACKUP_KEEP ?? '7');
  if (!Number.isInteger(keep) || keep < 1) {
    throw new Error(`LEDGER_BACKUP_KEEP must be a positive integer, got ${env.LEDGER_BACKUP_KEEP}`);
  }
  const config: BackupConfig = {
    dir: resolve(dir),
    intervalMs: parseDuration(env.LEDGER_BACKUP_INTERVAL ?? '6h', 'LEDGER_BACKUP_INTERVAL'),
    keep,
  };
  if (env.LEDGER_BACKUP_PRIVATE_KEYS !== '1') return config;
  const passphrase = env.LEDGER_BACKUP_PASSPHRASE;
  if (!passphrase) throw new Error('LEDGER_BACKUP_PRIVATE_KEYS=1 needs LEDGER_BACKUP_PASSPHRASE');
  return { ...config, passphrase };
}
