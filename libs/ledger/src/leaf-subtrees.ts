import { CompactRange, HASH_SIZE } from '@inr/transparency';

/**
 * The tree over one range of leaves, as roots of its perfect subtrees (relative to the range's
 * first leaf): what a worker hands back beside the leaf hashes, so the audit's thread folds a
 * handful of roots per range instead of hashing a tree node per leaf.
 */
export interface RangeSubtrees {
  /** The whole range: one root per set bit of its length, largest first, packed. */
  border: Uint8Array;
  /** The same for its first s leaves, for each size s asked for (the checkpoints inside it). */
  at: Map<number, Uint8Array>;
}

/** Subtree roots over `hashes` (HASH_SIZE bytes per leaf), and at each of `sizes` (ascending). */
export function rangeSubtrees(hashes: Uint8Array, sizes: readonly number[]): RangeSubtrees {
  const range = CompactRange.empty();
  const at = new Map<number, Uint8Array>();
  let next = 0;
  for (let k = 0; k < hashes.length / HASH_SIZE; k++) {
    range.appendSubtree(0, hashes.subarray(k * HASH_SIZE, (k + 1) * HASH_SIZE));
    for (; sizes[next] === k + 1; next++) at.set(k + 1, pack(range.borderHashes()));
  }
  return { border: pack(range.borderHashes()), at };
}

/** Whether a range of `length` leaves can be folded in after `size` leaves: aligned subtrees. */
export function foldsAt(size: number, length: number): boolean {
  return length > 0 && size % 2 ** Math.floor(Math.log2(length)) === 0;
}

/** Folds a range's packed border (of `length` leaves) into `tree`, as appending its leaves would. */
export function foldBorder(tree: CompactRange, border: Uint8Array, length: number): void {
  let k = 0;
  for (let level = Math.floor(Math.log2(length)); level >= 0; level--) {
    if (Math.floor(length / 2 ** level) % 2 === 1) {
      tree.appendSubtree(level, border.subarray(k * HASH_SIZE, (k + 1) * HASH_SIZE));
      k++;
    }
  }
}

function pack(hashes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((h, i) => out.set(h, i * HASH_SIZE));
  return out;
}
