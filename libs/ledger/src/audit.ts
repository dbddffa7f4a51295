import type { EventStore } from '@inr/event-store';
import {
  bytesEqual,
  CompactRange,
  consistencyProof,
  ed25519Verifier,
  HASH_SIZE,
  openNote,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  toBase64,
  verifyConsistency,
} from '@inr/transparency';
import { storeLeaves, type LeafBatch } from './audit-leaves';
import { verifyRotation, type LogKeyRotation } from './key-rotation';
import { foldBorder, foldsAt, type RangeSubtrees } from './leaf-subtrees';
import { workerLeaves } from './worker-leaves';
import type { LedgerStore, StoredCheckpoint } from './sqlite-hash-store';

export type AuditReason =
  | 'no-checkpoint'
  | 'key-replaced'
  | 'bad-rotation'
  | 'bad-checkpoint-signature'
  | 'leaf-changed'
  | 'leaf-reordered'
  | 'leaf-missing'
  | 'truncated'
  | 'root-mismatch'
  | 'inconsistent-checkpoints';

export type AuditResult =
  | {
      ok: true;
      size: number;
      root: string;
      checkpoints: number;
      /** The log's keys, oldest first, as the rotations in the log chain them. */
      keys: string[];
      leavesPerSecond: number;
    }
  | { ok: false; reason: AuditReason; leafIndex?: number; detail: string };

export interface AuditOptions {
  /** The log's vkey as configured now; compared with the keys the store recorded. */
  logVerifierKey: string;
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
  /**
   * The directory of the store's events.sqlite, when the store is the embedded one: leaves are
   * then re-hashed by worker threads reading it (one per core), this thread checking them in
   * order. The result is the same as without it, byte for byte.
   */
  eventsDir?: string;
  /** Worker threads with `eventsDir`; default one per core, 0 hashes on this thread. */
  threads?: number;
  /** Events per worker request (tests use small ones). */
  workerChunk?: number;
}

interface SignedRoot {
  size: number;
  root: Uint8Array;
  note: string;
}

/**
 * Re-hash every stored event, compare with the stored leaf hashes and every signed
 * checkpoint root, and check each earlier checkpoint is consistent with the latest.
 * Each checkpoint must be signed by the key that was current at its size: the ledger's first
 * key, then each key a LogKeyRotated leaf below that size handed over to (its statement signed
 * by the key before). The first difference wins, with the leaf index where it is known.
 */
export async function audit(
  events: EventStore,
  ledger: LedgerStore,
  options: AuditOptions,
): Promise<AuditResult> {
  const started = performance.now();
  const configured = options.logVerifierKey;
  const origin = parseVerifierKey(configured).name;
  const history = ledger.keyHistory().filter((r) => r.vkey.startsWith(`${origin}+`));
  if (history.length > 0 && !history.some((r) => r.vkey === configured)) {
    return fail(
      'key-replaced',
      `the configured log key is not one this ledger recorded (${history.map((r) => r.vkey).join(', ')})`,
    );
  }
  const keyRecorded = history.length > 0;
  // The chain is rebuilt from the leaves; the keys table only supplies where it starts.
  const chain = [history.find((r) => r.rotation === undefined)?.vkey ?? configured];
  const current = (): string => chain[chain.length - 1] as string;
  const signed = parseCheckpoints(ledger.checkpoints(), keyRecorded);
  if (!Array.isArray(signed)) return signed;
  const latest = signed[signed.length - 1];
  if (latest === undefined) return fail('no-checkpoint', 'no signed checkpoint to audit against');

  const total = await events.count(); // for progress only: the stream itself is the truth
  const fromStore = storeLeaves(events, options.batchSize ?? 5000);
  const source =
    options.eventsDir === undefined || (options.threads ?? 1) < 1
      ? fromStore
      : workerLeaves({
          dataDir: options.eventsDir,
          until: total,
          fallback: fromStore,
          checkpointSizes: signed.map((c) => c.size),
          ...(options.threads !== undefined ? { threads: options.threads } : {}),
          ...(options.workerChunk !== undefined ? { chunk: options.workerChunk } : {}),
        });
  const range = CompactRange.empty();
  let next = 0; // index into `signed` of the next checkpoint to compare

  /** The checkpoints of exactly `size` leaves: signed by the key current there, with this root. */
  const checkpointsAt = (size: number, root: () => Uint8Array): Failure | undefined => {
    for (let c = signed[next]; c !== undefined && c.size === size; c = signed[++next]) {
      const bad = checkSignature(c, current(), configured, keyRecorded);
      if (bad !== undefined) return bad;
      if (!bytesEqual(c.root, root())) {
        const from = firstUncommitted(signed, next);
        return fail(
          'root-mismatch',
          `recomputed root of size ${c.size} differs from the signed one`,
          from,
        );
      }
    }
    return undefined;
  };
  const rotate = (rotation: LogKeyRotation | undefined, index: number): Failure | undefined => {
    if (rotation === undefined || rotation.origin !== origin) return undefined;
    const check = verifyRotation(rotation, current());
    if (!check.ok)
      return fail('bad-rotation', `the key rotation is invalid: ${check.reason}`, index);
    chain.push(rotation.newVerifierKey);
    return undefined;
  };

  /** Every check, leaf by leaf, in the order the first failure must win. */
  const leafByLeaf = (batch: LeafBatch): Failure | undefined => {
    let rotationAt = 0;
    for (let k = 0; k < batch.positions.length; k++) {
      const index = range.size();
      if (batch.positions[k] !== index) {
        return fail(
          'leaf-missing',
          `expected position ${index}, the store gave ${batch.positions[k]}`,
          index,
        );
      }
      const h = batch.hashes.subarray(k * HASH_SIZE, (k + 1) * HASH_SIZE);
      const stored = index < ledger.size() ? ledger.get(0, index) : undefined;
      if (stored !== undefined && !bytesEqual(stored, h)) return leafDiffers(ledger, index, h);
      range.append(h);
      const rotation =
        batch.rotations[rotationAt]?.[0] === k ? batch.rotations[rotationAt++]?.[1] : undefined;
      const bad = rotate(rotation, index) ?? checkpointsAt(range.size(), () => range.root());
      if (bad !== undefined) return bad;
    }
    return undefined;
  };

  /**
   * A worker's batch whose leaves all sit where they should and match the logged hashes: then
   * only rotations and checkpoints can fail, checked in leaf order as leafByLeaf would, and the
   * tree takes the worker's subtree roots instead of a node hash per leaf.
   */
  const folded = (batch: LeafBatch, subtrees: RangeSubtrees): Failure | undefined => {
    const start = range.size();
    const n = batch.positions.length;
    const rootAt = (t: number): Uint8Array => {
      const tree = range.clone();
      foldBorder(tree, t === n ? subtrees.border : subtrees.at.get(t)!, t);
      return tree.root();
    };
    for (let r = 0; ;) {
      const rotation = batch.rotations[r];
      const size = signed[next]?.size ?? -1;
      // A rotation at leaf k counts for the checkpoints of k+1 leaves on.
      const rotationT = rotation === undefined ? Infinity : rotation[0] + 1;
      const checkpointT = size > start && size <= start + n ? size - start : Infinity;
      if (rotationT === Infinity && checkpointT === Infinity) break;
      const bad =
        rotationT <= checkpointT
          ? rotate(batch.rotations[r++]![1], start + rotation![0])
          : checkpointsAt(size, () => rootAt(checkpointT));
      if (bad !== undefined) return bad;
    }
    foldBorder(range, subtrees.border, n);
    return undefined;
  };

  try {
    for (;;) {
      const batch = await source.next(range.size());
      if (batch.positions.length === 0) break;
      const bad = foldable(batch, range.size(), signed, next, ledger)
        ? folded(batch, batch.subtrees!)
        : leafByLeaf(batch);
      if (bad !== undefined) return bad;
      options.onProgress?.(range.size(), Math.max(total, range.size()));
    }
  } finally {
    await source.close();
  }
  if (range.size() < latest.size) {
    return fail(
      'truncated',
      `the store holds ${range.size()} events, the signed log ${latest.size}`,
      range.size(),
    );
  }
  if (!chain.includes(configured)) {
    return fail('key-replaced', `no rotation in the log hands over to the configured key`);
  }
  for (const c of signed.slice(0, -1)) {
    const proof = consistencyProof(ledger, c.size, latest.size);
    if (!verifyConsistency(c.size, latest.size, c.root, latest.root, proof)) {
      return fail(
        'inconsistent-checkpoints',
        `checkpoint ${c.size} is not consistent with ${latest.size}`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    ok: true,
    size: range.size(),
    root: toBase64(range.root()),
    checkpoints: signed.length,
    keys: chain,
    leavesPerSecond: Math.round(range.size() / Math.max(seconds, 1e-6)),
  };
}

/** Roots of the stored checkpoints; signatures are checked once the chain reaches each size. */
function parseCheckpoints(
  stored: readonly StoredCheckpoint[],
  keyRecorded: boolean,
): SignedRoot[] | Extract<AuditResult, { ok: false }> {
  const out: SignedRoot[] = [];
  for (const c of stored) {
    const note = parseNote(c.note);
    const parsed = note.ok ? parseCheckpoint(note.value.text) : undefined;
    if (!parsed?.ok || parsed.value.size !== c.size) {
      const reason = keyRecorded ? 'bad-checkpoint-signature' : 'key-replaced';
      return fail(reason, `checkpoint ${c.size} is not a checkpoint of that size`);
    }
    out.push({ size: c.size, root: parsed.value.root, note: c.note });
  }
  return out;
}

/** Undefined when the key current at the checkpoint's size signed it. */
function checkSignature(
  c: SignedRoot,
  current: string,
  configured: string,
  keyRecorded: boolean,
): Extract<AuditResult, { ok: false }> | undefined {
  if (openNote(c.note, [ed25519Verifier(parseVerifierKey(current))]).ok) return undefined;
  // Without a recorded key, a checkpoint no longer verifying means the key was swapped; with
  // one, a checkpoint the configured key signed out of turn means it signed without a rotation.
  const outOfTurn =
    configured !== current && openNote(c.note, [ed25519Verifier(parseVerifierKey(configured))]).ok;
  return keyRecorded && !outOfTurn
    ? fail('bad-checkpoint-signature', `checkpoint ${c.size} does not verify under ${current}`)
    : fail('key-replaced', `checkpoint ${c.size} is not signed by ${current}, the key at its size`);
}

/**
 * Whether a batch can be folded in whole: a worker's, with the tree's border at each checkpoint
 * inside it, aligned where the tree stands, every position in place and every leaf hash the
 * one logged there. Otherwise leafByLeaf finds what is wrong, and where.
 */
function foldable(
  batch: LeafBatch,
  start: number,
  signed: readonly SignedRoot[],
  next: number,
  ledger: LedgerStore,
): batch is LeafBatch & { subtrees: RangeSubtrees } {
  const n = batch.positions.length;
  const subtrees = batch.subtrees;
  if (subtrees === undefined || !foldsAt(start, n)) return false;
  for (let c = signed[next]; c !== undefined && c.size < start + n; c = signed[++next]) {
    if (c.size > start && !subtrees.at.has(c.size - start)) return false;
  }
  for (let k = 0; k < n; k++) if (batch.positions[k] !== start + k) return false;
  const logged = storedLeaves(ledger, start, Math.min(start + n, ledger.size()));
  for (let k = 0; k < logged.length; k++) {
    const stored = logged[k];
    if (stored !== undefined && !equalAt(stored, batch.hashes, k * HASH_SIZE)) return false;
  }
  return true;
}

/** The logged leaf hashes of [from, to), in one read where the store offers one. */
function storedLeaves(ledger: LedgerStore, from: number, to: number): (Uint8Array | undefined)[] {
  if (ledger.leafRange !== undefined) return ledger.leafRange(from, to);
  const out: (Uint8Array | undefined)[] = [];
  for (let i = from; i < to; i++) out.push(ledger.get(0, i));
  return out;
}

function equalAt(a: Uint8Array, b: Uint8Array, offset: number): boolean {
  if (a.length !== HASH_SIZE) return false;
  for (let i = 0; i < HASH_SIZE; i++) if (a[i] !== b[offset + i]) return false;
  return true;
}

/** A stored leaf hash differs: if the recomputed hash sits further on, events were swapped. */
function leafDiffers(ledger: LedgerStore, index: number, h: Uint8Array): Failure {
  for (let j = index + 1; j < ledger.size(); j++) {
    const other = ledger.get(0, j);
    if (other !== undefined && bytesEqual(other, h)) {
      return fail('leaf-reordered', `the event at ${index} was logged at ${j}`, index);
    }
  }
  return fail('leaf-changed', `the event at ${index} is not the one logged there`, index);
}

/** With no stored leaf hashes to compare, the best bound is the end of the last good checkpoint. */
function firstUncommitted(signed: readonly SignedRoot[], failing: number): number {
  return failing === 0 ? 0 : (signed[failing - 1]?.size ?? 0);
}

type Failure = Extract<AuditResult, { ok: false }>;

function fail(reason: AuditReason, detail: string, leafIndex?: number): Failure {
  return leafIndex === undefined
    ? { ok: false, reason, detail }
    : { ok: false, reason, leafIndex, detail };
}
