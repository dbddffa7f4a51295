import { type CompactRange, HASH_SIZE, nodeHashInto } from '@inr/transparency';

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
  // Every perfect subtree, level by level, each level one buffer: a node's two children sit
  // side by side, so each node is one copy and one hash, with nothing allocated per node.
  const levels = [hashes];
  for (let below = hashes; below.length >= 2 * HASH_SIZE;) {
    const level = new Uint8Array(Math.floor(below.length / (2 * HASH_SIZE)) * HASH_SIZE);
    for (let i = 0; i < level.length; i += HASH_SIZE) nodeHashInto(below, 2 * i, level, i);
    levels.push(level);
    below = level;
  }
  const border = (size: number): Uint8Array => {
    const out: Uint8Array[] = [];
    for (let level = levels.length - 1, start = 0; level >= 0; level--) {
      const width = 2 ** level;
      if (size - start < width) continue;
      const at = (start / width) * HASH_SIZE;
      out.push(levels[level]!.subarray(at, at + HASH_SIZE));
      start += width;
    }
    return pack(out);
  };
  return {
    border: border(hashes.length / HASH_SIZE),
    at: new Map(sizes.map((size) => [size, border(size)])),
  };
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
