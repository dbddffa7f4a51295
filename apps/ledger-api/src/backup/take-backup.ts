import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { chainFor, LedgerLog, SqliteHashStore } from '@inr/ledger';
import { toBase64 } from '@inr/transparency';
import {
  BACKUP_DATABASES,
  BACKUP_FORMAT,
  describeFile,
  MANIFEST_FILE,
  type BackupManifest,
} from './backup-manifest';
import { writePublicKeys, writeSealedKeys } from './backup-keys';
import { onlineCopy } from './online-copy';

export interface TakeBackupOptions {
  dataDir: string;
  /** A directory that does not exist yet (or is empty): the backup appears there complete. */
  to: string;
  origin: string;
  /** Also the private keys, sealed with this passphrase. Absent: public halves only. */
  passphrase?: string;
  onProgress?: (step: string, done: number, total: number) => void;
  now?: () => Date;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  bytes: number;
  seconds: number;
}

export class BackupError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'BackupError';
  }
}

/**
 * An online, consistent backup of the embedded ledger while the service keeps writing. Each
 * database is copied with SQLite's backup API, derived ones before the events (so the copy's
 * tree and read models are never ahead of its events); then the copy's tree is brought up to
 * its events, and the manifest records that tree, the latest signed checkpoint with its
 * cosignatures, and every file's SHA-256. It is written under a temporary name and renamed:
 * a directory named like the target is always a complete backup. Modes: 0700 dirs, 0600 files.
 */
export async function takeBackup(o: TakeBackupOptions): Promise<BackupResult> {
  const started = performance.now();
  for (const f of ['events.sqlite', 'ledger.sqlite']) {
    if (!existsSync(join(o.dataDir, f)))
      throw new BackupError(`no ledger in ${o.dataDir}: ${f} is missing`);
  }
  if (existsSync(o.to) && readdirSync(o.to).length > 0) {
    throw new BackupError(`${o.to} is not empty: a backup goes into a new directory`);
  }
  mkdirSync(dirname(o.to), { recursive: true, mode: 0o700 });
  const staging = join(dirname(o.to), `.${basename(o.to)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  try {
    const copied: string[] = [];
    for (const db of BACKUP_DATABASES) {
      if (!existsSync(join(o.dataDir, db))) continue;
      await onlineCopy(join(o.dataDir, db), join(staging, db), (done, total) =>
        o.onProgress?.(`copying ${db}`, done, total),
      );
      copied.push(db);
    }
    const tree = await completeTree(staging, o.origin);
    for (const db of copied) chmodSync(join(staging, db), 0o600);
    const keyFiles = writePublicKeys(o.dataDir, staging, tree.logKeys);
    if (o.passphrase !== undefined)
      keyFiles.push(...writeSealedKeys(o.dataDir, staging, o.passphrase));
    const files = [];
    for (const path of [...copied, ...keyFiles]) {
      o.onProgress?.(`hashing ${path}`, files.length, copied.length + keyFiles.length);
      files.push(await describeFile(staging, path));
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: (o.now ?? (() => new Date()))().toISOString(),
      origin: o.origin,
      store: 'sqlite',
      tree: { size: tree.size, root: tree.root },
      checkpoint: tree.checkpoint,
      logKeys: tree.logKeys,
      privateKeys: o.passphrase === undefined ? 'absent' : 'sealed',
      files,
    };
    writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    syncDir(staging);
    if (existsSync(o.to)) rmSync(o.to, { recursive: true }); // the empty directory named
    renameSync(staging, o.to);
    syncDir(dirname(o.to));
    const bytes = files.reduce((n, f) => n + f.bytes, 0);
    return { dir: o.to, manifest, bytes, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Integrate the copied events the copied tree lacks; the copy's tree, checkpoint and keys. */
async function completeTree(dir: string, origin: string) {
  const events = await SqliteEventStore.open({ dataDir: dir });
  const hashes = new SqliteHashStore(dir);
  try {
    const log = new LedgerLog(events, hashes);
    const size = await log.catchUp();
    const latest = hashes.latestCheckpoint();
    return {
      size,
      root: toBase64(log.root()),
      checkpoint: latest === undefined ? null : withCosignatures(latest.note, latest.cosignatures),
      logKeys: chainFor(hashes, origin).map((e) => e.vkey),
    };
  } finally {
    hashes.close();
    await events.close();
  }
}

/** The note with the witnesses' cosignature lines appended (how the API serves it). */
const withCosignatures = (note: string, lines: readonly string[]): string => note + lines.join('');

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
