import { parseCheckpoint, parseNote, parseVerifierKey } from '@inr/transparency';
import { epochFor, keyChain, type LogKeyEpoch } from './key-chain';
import type { LedgerLog } from './ledger-log';
import { verifyLogReset } from './log-reset';
import {
  abandonedBy,
  findSigningBlock,
  type LogResetRecord,
  type PublishedCheckpoint,
  type SigningBlock,
} from './published-checkpoints';
import type { LedgerStore, StoredCheckpoint } from './sqlite-hash-store';

/** The log's valid keys for `origin`, oldest first (see keyChain). */
export function chainFor(store: Pick<LedgerStore, 'keyHistory'>, origin: string): LogKeyEpoch[] {
  return keyChain(store.keyHistory()).filter((e) => nameOf(e.vkey) === origin);
}

/** Resets whose statement the log key at their leaf signed; any other is ignored. */
export function validResets(
  store: Pick<LedgerStore, 'logResets'>,
  chain: readonly LogKeyEpoch[],
): LogResetRecord[] {
  return store.logResets().filter((r) => {
    const vkey = epochFor(chain, r.position)?.vkey;
    return vkey !== undefined && verifyLogReset(r.reset, vkey, r.position);
  });
}

/**
 * Why the current tree may not be signed, if it may not: it lacks leaves of, or contradicts,
 * the latest checkpoint the log signed (ledger.sqlite) or one it is known to have published
 * (witnesses, backups, operators), and no logged, signed reset gave that checkpoint up.
 * Needs no private key: restore and reenter ask it too.
 */
export function signingBlockOf(
  log: Pick<LedgerLog, 'size' | 'root'>,
  store: LedgerStore,
  chain: readonly LogKeyEpoch[],
): SigningBlock | undefined {
  const abandoned = abandonedBy(validResets(store, chain));
  const known = store.published().filter((p) => !abandoned(p.size));
  const own = ownLatest(store.latestCheckpoint());
  if (own !== undefined && !abandoned(own.size)) known.push(own);
  return findSigningBlock(log.size(), (n) => log.root(n), known);
}

/**
 * The checkpoint a new one must extend: the latest signed one, or after a logged reset, the
 * latest not given up (a reset abandons signed checkpoints above its leaf, up to its size).
 */
export function baselineCheckpoint(
  store: LedgerStore,
  chain: readonly LogKeyEpoch[],
  size: number,
): StoredCheckpoint | undefined {
  const resets = validResets(store, chain);
  if (resets.length === 0) return store.latestCheckpoint();
  const gone = (c: StoredCheckpoint): boolean =>
    resets.some((r) => c.size > r.position && c.size <= r.reset.abandonedSize);
  return store
    .checkpoints()
    .filter((c) => c.size <= size && !gone(c))
    .at(-1);
}

/** The latest checkpoint the log signed, as a published one (its signature is checked later). */
function ownLatest(last: StoredCheckpoint | undefined): PublishedCheckpoint | undefined {
  if (last === undefined) return undefined;
  const note = parseNote(last.note);
  const parsed = note.ok ? parseCheckpoint(note.value.text) : undefined;
  const own = { size: last.size, source: 'signed by this log', note: last.note };
  return parsed?.ok ? { ...own, root: parsed.value.root } : own;
}

function nameOf(vkey: string): string | undefined {
  try {
    return parseVerifierKey(vkey).name;
  } catch {
    return undefined;
  }
}
