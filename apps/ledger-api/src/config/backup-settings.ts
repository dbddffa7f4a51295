import { resolve } from 'node:path';
import type { EventStoreConfig } from '@inr/event-store';
import type { BackupConfig } from '../backup/backup-config';
import { parseDuration } from './duration';
import type { Environment } from './settings';

/** Undefined without LEDGER_BACKUP_DIR; throws on a setting it cannot use. */
export function backupConfigFrom(
  env: Environment,
  store: EventStoreConfig,
): BackupConfig | undefined {
  const dir = env.get('LEDGER_BACKUP_DIR')?.trim();
  if (!dir) return undefined;
  if (store.kind !== 'sqlite') {
    throw new Error(
      `LEDGER_BACKUP_DIR backs up the embedded store; with ${store.kind} use its own backup (pg_dump for PostgreSQL)`,
    );
  }
  const keep = Number(env.get('LEDGER_BACKUP_KEEP') ?? '7');
  if (!Number.isInteger(keep) || keep < 1) {
    throw new Error(
      `LEDGER_BACKUP_KEEP must be a positive integer, got ${env.get('LEDGER_BACKUP_KEEP')}`,
    );
  }
  const config: BackupConfig = {
    dir: resolve(dir),
    intervalMs: parseDuration(env.get('LEDGER_BACKUP_INTERVAL') ?? '6h', 'LEDGER_BACKUP_INTERVAL'),
    keep,
  };
  if (env.get('LEDGER_BACKUP_PRIVATE_KEYS') !== '1') return config;
  const passphrase = env.get('LEDGER_BACKUP_PASSPHRASE');
  if (!passphrase) throw new Error('LEDGER_BACKUP_PRIVATE_KEYS=1 needs LEDGER_BACKUP_PASSPHRASE');
  return { ...config, passphrase };
}
