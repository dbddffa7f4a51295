/**
 * Storage-agnostic access to the tree: the hash of the perfect subtree of 2^level leaves
 * whose first leaf is index * 2^level (level 0 = leaf hashes). Synchronous because every
 * backing store we use (memory, better-sqlite3) is, and proofs stay O(log n) reads.
 */
export interface HashReader {
  get(level: number, index: number): Uint8Array | undefined;
}

/** A hash the tree math needed was not in the store: the store is behind or damaged. */
export class MissingHashError extends Error {
  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`no stored hash for the subtree at level ${level}, index ${index}`);
    this.name = 'MissingHashError';
  }
}

/** An argument no tree of that size can answer (index past the end, first > second...). */
export class TreeRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'TreeRangeError';
  }
}
