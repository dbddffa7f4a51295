import { appendVerbatim, readVerbatimEvents } from '@inr/event-store';
import { bytesEqual, CompactRange, encodeLeaf, leafHash } from '@inr/transparency';
import type { LedgerLog } from './ledger-log';
import type { SigningBlock } from './published-checkpoints';
import { chainFor, signingBlockOf } from './signing-guard';
import type { LedgerStore } from './sqlite-hash-store';

export interface ReenterOptions {
  /** The data directory whose events.sqlite lost the events (embedded store only). */
  dataDir: string;
  /** Another copy holding them: a newer backup, a replica's data directory. */
  sourceDir: string;
  origin: string;
  log: LedgerLog;
  ledger: LedgerStore;
}

export type ReenterResult =
  | { ok: true; reentered: number; size: number; block: SigningBlock | undefined }
  | { ok: false; reason: string };

/**
 * Bring back the leaves a published checkpoint covers and the tree lacks, from another copy of
 * the events, byte for byte. Before anything is written, the copy's leaves are hashed onto the
 * tree: when the checkpoint's root is known they must reproduce it, so wrong events are never
 * re-entered (they could not be taken out again).
 */
export async function reenterEvents(o: ReenterOptions): Promise<ReenterResult> {
  await o.log.catchUp();
  const block = signingBlockOf(o.log, o.ledger, chainFor(o.ledger, o.origin));
  if (block?.code !== 'LOG_BEHIND_PUBLISHED_CHECKPOINT') {
    return { ok: false, reason: block?.message ?? 'no events are missing: nothing to re-enter' };
  }
  const { from, to } = block.missing;
  const found = readVerbatimEvents(o.sourceDir, from, to);
  if (found.length < to - from) {
    return {
      ok: false,
      reason: `${o.sourceDir} holds ${found.length} of the ${to - from} missing events (${from} to ${to - 1})`,
    };
  }
  const root = o.ledger.published().find((p) => p.size === to && p.root !== undefined)?.root;
  if (root !== undefined) {
    const range = CompactRange.load(o.ledger, from);
    for (const { event } of found) range.append(leafHash(encodeLeaf(event)));
    if (!bytesEqual(range.root(), root)) {
      return {
        ok: false,
        reason: `the events in ${o.sourceDir} do not reproduce the published root of size ${to}: not re-entered`,
      };
    }
  }
  appendVerbatim(o.dataDir, found);
  const size = await o.log.catchUp();
  const after = signingBlockOf(o.log, o.ledger, chainFor(o.ledger, o.origin));
  return { ok: true, reentered: found.length, size, block: after };
}
