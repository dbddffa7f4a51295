import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { audit, LedgerLog, SqliteHashStore, type AuditResult } from '@inr/ledger';
import { ed25519Verifier, openNote, parseVerifierKey } from '@inr/transparency';
import { BACKUP_DATABASES, type BackupManifest } from './backup-manifest';

/** Copy a backup's databases into `dataDir` (files 0600); returns those copied. */
export function copyDatabases(backupDir: string, dataDir: string): string[] {
  return BACKUP_DATABASES.filter((db) => existsSync(join(backupDir, db))).map((db) => {
    copyFileSync(join(backupDir, db), join(dataDir, db));
    chmodSync(join(dataDir, db), 0o600);
    return db;
  });
}

export interface AuditedCopy {
  audit: AuditResult;
  /** What differs between the audited tree and the manifest, if anything. */
  mismatch?: string;
}

/**
 * The audit over a copy of the backup's databases in `dataDir`: every leaf re-hashed, every
 * signed checkpoint compared, and the recomputed tree held to the manifest's size and root.
 * With `rebuild`, the Merkle hashes are first recomputed from the events (they are derived).
 */
export async function auditCopy(
  dataDir: string,
  manifest: BackupManifest,
  logVerifierKey: string,
  options: { rebuild?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<AuditedCopy> {
  const events = await SqliteEventStore.open({ dataDir });
  const hashes = new SqliteHashStore(dataDir);
  try {
    if (options.rebuild) await new LedgerLog(events, hashes).rebuild(() => hashes.reset());
    const result = await audit(events, hashes, {
      logVerifierKey,
      eventsDir: dataDir,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (!result.ok) return { audit: result };
    const { size, root } = manifest.tree;
    if (result.size !== size || result.root !== root) {
      return {
        audit: result,
        mismatch: `the events make a tree of size ${result.size} root ${result.root}; the manifest says size ${size} root ${root}`,
      };
    }
    return { audit: result };
  } finally {
    hashes.close();
    await events.close();
  }
}

/** Undefined when the manifest's checkpoint verifies under one of its log keys. */
export function checkManifestCheckpoint(manifest: BackupManifest): string | undefined {
  if (manifest.checkpoint === null) return undefined;
  const verifiers = manifest.logKeys.map((k) => ed25519Verifier(parseVerifierKey(k)));
  const opened = openNote(manifest.checkpoint, verifiers);
  return opened.ok ? undefined : `the manifest's checkpoint does not verify: ${opened.reason}`;
}
