import {
  bytesEqual,
  ed25519Verifier,
  openNote,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  toBase64,
} from '@inr/transparency';
import type { LogReset } from './log-reset';

/**
 * A checkpoint this log is known to have published, learnt from outside the tree: a witness
 * that cosigned it, a backup's manifest, an operator. The log never signs a tree that is smaller
 * than, or inconsistent with, one of these (unless a logged reset gives it up).
 */
export interface PublishedCheckpoint {
  size: number;
  /** Its root; absent when only the size is known (a witness answers with its size). */
  root?: Uint8Array;
  /** Where we learnt it, for the operator: "witness W1", "backup manifest", "command line". */
  source: string;
  /** The signed note, when we have it. */
  note?: string;
}

/** A LogReset leaf as the store records it beside the tree. */
export interface LogResetRecord {
  position: number;
  reset: LogReset;
}

/** Why the log may not sign the current tree; `code` is stable (problem+json, /ready). */
export type SigningBlock =
  | {
      code: 'LOG_BEHIND_PUBLISHED_CHECKPOINT';
      treeSize: number;
      publishedSize: number;
      source: string;
      /** Leaf indices [from, to) the published checkpoint covers and the tree lacks. */
      missing: { from: number; to: number };
      message: string;
    }
  | {
      code: 'LOG_INCONSISTENT_WITH_PUBLISHED_CHECKPOINT';
      treeSize: number;
      publishedSize: number;
      source: string;
      message: string;
    };

const HOW_TO_LIFT =
  're-enter the missing events (`inr-ledger reenter --from DIR`) or record a signed decision to ' +
  'continue without them (`inr-ledger log-reset`)';

/** The first published checkpoint (largest first) the tree contradicts, or undefined. */
export function findSigningBlock(
  treeSize: number,
  rootAt: (size: number) => Uint8Array,
  published: readonly PublishedCheckpoint[],
): SigningBlock | undefined {
  for (const p of [...published].sort((a, b) => b.size - a.size)) {
    if (treeSize < p.size) {
      const count = p.size - treeSize;
      return {
        code: 'LOG_BEHIND_PUBLISHED_CHECKPOINT',
        treeSize,
        publishedSize: p.size,
        source: p.source,
        missing: { from: treeSize, to: p.size },
        message:
          `the tree has ${treeSize} leaves but this log published a checkpoint of size ` +
          `${p.size} (${p.source}): leaves ${treeSize} to ${p.size - 1} (${count} ` +
          `event${count === 1 ? '' : 's'}) are missing; signing and writes stay off until ` +
          `they are back. ${HOW_TO_LIFT}`,
      };
    }
    if (p.root !== undefined && !bytesEqual(rootAt(p.size), p.root)) {
      return {
        code: 'LOG_INCONSISTENT_WITH_PUBLISHED_CHECKPOINT',
        treeSize,
        publishedSize: p.size,
        source: p.source,
        message:
          `the first ${p.size} leaves of the tree do not hash to the root of the checkpoint ` +
          `of size ${p.size} this log published (${p.source}): signing would fork the log; ` +
          `signing and writes stay off. ${HOW_TO_LIFT}`,
      };
    }
  }
  return undefined;
}

/** Published checkpoints a valid reset gave up: every one up to the size it abandons. */
export function abandonedBy(resets: readonly LogResetRecord[]): (size: number) => boolean {
  const upTo = Math.max(-1, ...resets.map((r) => r.reset.abandonedSize));
  return (size) => size <= upTo;
}

/**
 * A signed checkpoint note (from a backup, a witness, an operator) as a published checkpoint,
 * once it verifies under one of the log's keys. Throws naming what is wrong.
 */
export function publishedFromNote(
  note: string,
  vkeys: readonly string[],
  source: string,
): PublishedCheckpoint {
  const verifiers = vkeys.map((v) => ed25519Verifier(parseVerifierKey(v)));
  const opened = openNote(note, verifiers);
  if (!opened.ok) throw new Error(`${source}: the checkpoint does not verify: ${opened.reason}`);
  const parsed = parseCheckpoint(opened.value.text);
  if (!parsed.ok) throw new Error(`${source}: not a checkpoint: ${parsed.reason}`);
  return { size: parsed.value.size, root: parsed.value.root, source, note };
}

/** The size and root (base64) a stored checkpoint's note states, without checking signatures. */
export function checkpointRoot(c: { note: string }): { size: number; root: string } | undefined {
  const note = parseNote(c.note);
  const parsed = note.ok ? parseCheckpoint(note.value.text) : undefined;
  return parsed?.ok ? { size: parsed.value.size, root: toBase64(parsed.value.root) } : undefined;
}
