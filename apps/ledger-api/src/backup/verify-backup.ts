import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditCopy, checkManifestCheckpoint, copyDatabases } from './backup-audit';
import { sealedKeys } from './backup-keys';
import { checkFiles, readManifest, type BackupManifest } from './backup-manifest';
import { openSealedKey } from './seal-key';

export interface VerifyBackupOptions {
  dir: string;
  /** The log key you trust (published); default the newest key the backup itself names. */
  logVerifierKey?: string;
  /** Also open the sealed private keys with it. */
  passphrase?: string;
  onProgress?: (step: string, done: number, total: number) => void;
}

export type VerifyBackupResult =
  | {
      ok: true;
      manifest: BackupManifest;
      checkpoints: number;
      /** What was learnt about the private keys: absent, sealed (not opened), or opened. */
      privateKeys: string;
    }
  | { ok: false; problem: string };

/**
 * Offline, touching nothing in the backup: the manifest's file sizes and hashes, its signed
 * checkpoint, then the audit over a scratch copy (every leaf, every checkpoint, the tree held
 * to the manifest), and with a passphrase, the sealed keys.
 */
export async function verifyBackup(o: VerifyBackupOptions): Promise<VerifyBackupResult> {
  const manifest = readManifest(o.dir);
  const corrupt = await checkFiles(o.dir, manifest, (path) =>
    o.onProgress?.(`hashing ${path}`, 0, 1),
  );
  if (corrupt.length > 0) return { ok: false, problem: corrupt.join('; ') };
  const key = o.logVerifierKey ?? manifest.logKeys.at(-1);
  if (key === undefined) return { ok: false, problem: 'the manifest names no log key' };
  if (!manifest.logKeys.includes(key)) {
    return {
      ok: false,
      problem: `the backup's log keys (${manifest.logKeys.join(', ')}) do not include ${key}`,
    };
  }
  const badCheckpoint = checkManifestCheckpoint(manifest);
  if (badCheckpoint !== undefined) return { ok: false, problem: badCheckpoint };
  const scratch = mkdtempSync(join(tmpdir(), 'inr-verify-backup-'));
  try {
    copyDatabases(o.dir, scratch);
    const checked = await auditCopy(scratch, manifest, key, {
      onProgress: (done, total) => o.onProgress?.('auditing', done, total),
    });
    if (!checked.audit.ok) {
      const at = checked.audit.leafIndex === undefined ? '' : ` at leaf ${checked.audit.leafIndex}`;
      return {
        ok: false,
        problem: `audit failed (${checked.audit.reason}${at}): ${checked.audit.detail}`,
      };
    }
    if (checked.mismatch !== undefined) return { ok: false, problem: checked.mismatch };
    return {
      ok: true,
      manifest,
      checkpoints: checked.audit.checkpoints,
      privateKeys: privateKeysReport(o.dir, manifest, o.passphrase),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function privateKeysReport(dir: string, manifest: BackupManifest, passphrase?: string): string {
  const sealed = sealedKeys(dir);
  if (manifest.privateKeys === 'absent' || sealed.size === 0) return 'absent (public halves only)';
  const files = [...sealed.keys()].join(', ');
  if (passphrase === undefined) return `sealed, not opened (${files})`;
  for (const [file, s] of sealed) openSealedKey(s, passphrase, file);
  return `sealed, opened with the passphrase (${files})`;
}
