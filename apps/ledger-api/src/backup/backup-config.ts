import { resolve } from 'node:path';
import type { EventStoreConfig } from '@inr/event-store';

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

const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** "90s", "15m", "6h", "1d", or milliseconds. */
export function parseDuration(raw: string, name: string): number {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(raw.trim());
  const ms = m ? Number(m[1]) * (UNITS[m[2] ?? 'ms'] as number) : NaN;
  if (!Number.isSafeInteger(ms) || ms < 1000) {
    throw new Error(`${name} must be a duration of at least 1s such as 30m, 6h or 1d; got ${raw}`);
  }
  return ms;
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
