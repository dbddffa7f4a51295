import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import {
  chainFor,
  LedgerLog,
  signingBlockOf,
  SqliteHashStore,
  type PublishedCheckpoint,
  type SigningBlock,
} from '@inr/ledger';
import { rebuild } from '@inr/projections';
import type { WitnessTarget } from '../ledger-http/witness-config';
import { auditCopy, checkManifestCheckpoint, copyDatabases } from './backup-audit';
import { restoreSealedKeys, sealedKeys } from './backup-keys';
import { checkFiles, readManifest, type BackupManifest } from './backup-manifest';
import { recordKnownCheckpoints } from './known-checkpoints';

export interface RestoreOptions {
  from: string;
  /** Must not exist, or be empty. */
  dataDir: string;
  /** Opens the sealed private keys into the data directory. */
  passphrase?: string;
  /** Signed checkpoints this log published, given by the operator (`--checkpoint FILE`). */
  checkpoints?: readonly { note: string; source: string }[];
  /** The partner witnesses to ask how far they saw this log (LEDGER_WITNESS_CONFIG). */
  witnesses?: readonly WitnessTarget[];
  /** Keep the copied read models (the runner catches them up) instead of rebuilding them. */
  keepReadModels?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  size: number;
  root: string;
  /** Checkpoints learnt beyond the copy (newer backups, the operator, witnesses). */
  known: PublishedCheckpoint[];
  /** Set when the log must not sign this tree: it says which leaves are missing. */
  block?: SigningBlock;
  warnings: string[];
}

export class RestoreError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RestoreError';
  }
}

/**
 * Restore a backup into an empty data directory: check every file against the manifest, copy
 * (0700 directory, 0600 files), recompute the Merkle hashes from the events, audit, rebuild the
 * read models, then find out whether this log already published more than the copy holds. If
 * it did, the result carries the block: the service will start read-only and sign nothing
 * until the missing events are re-entered or a signed log reset is recorded.
 */
export async function restoreBackup(o: RestoreOptions): Promise<RestoreResult> {
  if (existsSync(o.dataDir) && readdirSync(o.dataDir).length > 0) {
    throw new RestoreError(`${o.dataDir} is not empty: restore only into an empty data directory`);
  }
  const manifest = readManifest(o.from);
  const corrupt = await checkFiles(o.from, manifest, (p) => o.onProgress?.(`checking ${p}`, 0, 1));
  if (corrupt.length > 0) throw new RestoreError(`the backup is damaged: ${corrupt.join('; ')}`);
  const badCheckpoint = checkManifestCheckpoint(manifest);
  if (badCheckpoint !== undefined) throw new RestoreError(badCheckpoint);
  const warnings: string[] = [];
  const sealed = sealedKeys(o.from);
  if (sealed.size > 0 && o.passphrase === undefined) {
    warnings.push(
      `private keys left sealed (${[...sealed.keys()].join(', ')}): give --passphrase-file, or set LEDGER_SIGNING_KEY`,
    );
  }
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  copyDatabases(o.from, o.dataDir);
  if (sealed.size > 0 && o.passphrase !== undefined)
    restoreSealedKeys(o.from, o.dataDir, o.passphrase);
  const key = manifest.logKeys.at(-1);
  if (key === undefined) throw new RestoreError('the manifest names no log key');
  const checked = await auditCopy(o.dataDir, manifest, key, {
    rebuild: true,
    onProgress: (done, total) => o.onProgress?.('auditing', done, total),
  });
  if (!checked.audit.ok) {
    throw new RestoreError(
      `the restored ledger fails the audit (${checked.audit.reason}): ${checked.audit.detail}`,
    );
  }
  if (checked.mismatch !== undefined) throw new RestoreError(checked.mismatch);
  const events = await SqliteEventStore.open({ dataDir: o.dataDir });
  const hashes = new SqliteHashStore(o.dataDir);
  try {
    if (!o.keepReadModels) {
      await rebuild(events, o.dataDir, {
        onProgress: (done, total) => o.onProgress?.('rebuilding read models', done, total),
      });
    }
    const log = new LedgerLog(events, hashes);
    const learnt = await recordKnownCheckpoints(hashes, {
      backupDir: o.from,
      origin: manifest.origin,
      logKeys: manifest.logKeys,
      notes: o.checkpoints ?? [],
      witnesses: o.witnesses ?? [],
      treeSize: log.size(),
    });
    warnings.push(
      ...learnt.unreachable.map((w) => `witness did not answer: ${w}`),
      ...learnt.skipped.map((s) => `ignored: ${s}`),
    );
    const block = signingBlockOf(log, hashes, chainFor(hashes, manifest.origin));
    return {
      manifest,
      size: log.size(),
      root: manifest.tree.root,
      known: learnt.recorded,
      ...(block === undefined ? {} : { block }),
      warnings,
    };
  } finally {
    hashes.close();
    await events.close();
    tightenModes(o.dataDir);
  }
}

/** What the restore created (the rebuilt read models too) is the owner's only: 0700 and 0600. */
function tightenModes(dir: string): void {
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) tightenModes(path);
    else chmodSync(path, 0o600);
  }
}
