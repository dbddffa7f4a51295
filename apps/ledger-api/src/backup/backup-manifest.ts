import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'inr-ledger-backup/1';

/** The SQLite files a backup copies, in copy order: everything derived from the events first,
 * the events last, so the copy never holds a tree or read model ahead of its events. */
export const BACKUP_DATABASES = [
  'ledger.sqlite',
  'read-models.sqlite',
  'api.sqlite',
  'events.sqlite',
] as const;

export interface BackupFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** What `inr-ledger verify-backup` checks a backup against. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  origin: string;
  /** The embedded store only: PostgreSQL and EventStoreDB have their own backup tools. */
  store: 'sqlite';
  /** The tree the copied events make: the audit must recompute exactly this. */
  tree: { size: number; root: string };
  /** The latest signed checkpoint in the copy, with its witnesses' cosignatures, or null. */
  checkpoint: string | null;
  /** The log's verifier keys, oldest first (rotations chain them). */
  logKeys: string[];
  /** 'sealed': private keys are in keys/*.sealed.json, encrypted with a passphrase. */
  privateKeys: 'absent' | 'sealed';
  files: BackupFile[];
}

export class BackupFormatError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'BackupFormatError';
  }
}

export function readManifest(dir: string): BackupManifest {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) throw new BackupFormatError(`${dir} is not a backup: no ${MANIFEST_FILE}`);
  let m: Partial<BackupManifest>;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as Partial<BackupManifest>;
  } catch (e) {
    throw new BackupFormatError(`${file}: ${e instanceof Error ? e.message : 'unreadable'}`);
  }
  if (m.format !== BACKUP_FORMAT) {
    throw new BackupFormatError(`${file}: format ${String(m.format)}, expected ${BACKUP_FORMAT}`);
  }
  if (!Array.isArray(m.files) || typeof m.tree?.size !== 'number' || !Array.isArray(m.logKeys)) {
    throw new BackupFormatError(`${file}: files, tree or logKeys missing`);
  }
  return m as BackupManifest;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function describeFile(dir: string, path: string): Promise<BackupFile> {
  const file = join(dir, path);
  return { path, bytes: statSync(file).size, sha256: await sha256File(file) };
}

/** Every file the manifest lists, present with its size and hash: a list of what is wrong. */
export async function checkFiles(
  dir: string,
  manifest: BackupManifest,
  onFile?: (path: string) => void,
): Promise<string[]> {
  const problems: string[] = [];
  for (const f of manifest.files) {
    onFile?.(f.path);
    const file = join(dir, f.path);
    if (!existsSync(file)) {
      problems.push(`${f.path} is missing`);
      continue;
    }
    const bytes = statSync(file).size;
    if (bytes !== f.bytes) {
      problems.push(`${f.path} has ${bytes} bytes, the manifest says ${f.bytes}`);
    } else if ((await sha256File(file)) !== f.sha256) {
      problems.push(`${f.path} is corrupted: its SHA-256 differs from the manifest's`);
    }
  }
  return problems;
}
