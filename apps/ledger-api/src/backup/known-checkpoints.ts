import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  probeWitnesses,
  publishedFromNote,
  type LedgerStore,
  type PublishedCheckpoint,
} from '@inr/ledger';
import { fetchPost } from '../ledger-http/witness-submitter';
import type { WitnessTarget } from '../ledger-http/witness-config';
import { MANIFEST_FILE, readManifest } from './backup-manifest';

export interface KnownCheckpointSources {
  /** The backup restored from: its siblings (other backups in the same folder) are read too. */
  backupDir: string;
  origin: string;
  logKeys: readonly string[];
  /** Signed checkpoint notes an operator gave (`--checkpoint FILE`). */
  notes: readonly { note: string; source: string }[];
  witnesses: readonly WitnessTarget[];
  /** The size of the restored tree: witnesses that saw no more add nothing. */
  treeSize: number;
  probeTimeoutMs?: number;
}

/**
 * Learn which checkpoints this log is known to have published beyond the restored copy, and
 * record them where the checkpointer looks: newer backups beside the one restored (their
 * manifests' signed checkpoints), checkpoints the operator gave, and the sizes the witnesses
 * report. Returns what was recorded and the witnesses that did not answer.
 */
export async function recordKnownCheckpoints(
  ledger: LedgerStore,
  s: KnownCheckpointSources,
): Promise<{ recorded: PublishedCheckpoint[]; unreachable: string[]; skipped: string[] }> {
  const recorded: PublishedCheckpoint[] = [];
  const record = (p: PublishedCheckpoint): void => {
    ledger.recordPublished(p);
    recorded.push(p);
  };
  const skipped: string[] = [];
  for (const { note, source } of siblingCheckpoints(s.backupDir, s.origin)) {
    try {
      record(publishedFromNote(note, s.logKeys, source));
    } catch (e) {
      skipped.push(e instanceof Error ? e.message : String(e)); // another log's, or damaged
    }
  }
  for (const { note, source } of s.notes) record(publishedFromNote(note, s.logKeys, source));
  const latest = ledger.latestCheckpoint();
  const unreachable: string[] = [];
  if (latest !== undefined && s.witnesses.length > 0) {
    const probes = await probeWitnesses(
      latest.note,
      s.witnesses,
      fetchPost(s.probeTimeoutMs ?? 5000),
    );
    probes.forEach((p, i) => {
      const name = s.witnesses[i]?.name ?? p.url;
      if (p.size === undefined) unreachable.push(`${name}: ${p.error}`);
      else if (p.size > s.treeSize) record({ size: p.size, source: `witness ${name}` });
    });
  }
  return { recorded, unreachable, skipped };
}

/** Signed checkpoints in the manifests of the other backups of this log in the same folder. */
function siblingCheckpoints(backupDir: string, origin: string): { note: string; source: string }[] {
  const self = resolve(backupDir);
  const parent = dirname(self);
  const out: { note: string; source: string }[] = [];
  for (const name of readdirSync(parent)) {
    const dir = join(parent, name);
    if (dir === self || !existsSync(join(dir, MANIFEST_FILE))) continue;
    try {
      const m = readManifest(dir);
      if (m.origin === origin && m.checkpoint !== null) {
        out.push({ note: m.checkpoint, source: `backup ${basename(dir)}` });
      }
    } catch {
      // not a backup of ours, or damaged: it can only tell us less, never more
    }
  }
  return out;
}
