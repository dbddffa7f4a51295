import { HashReader } from './hash-reader';

/**
 * Where a log keeps its stored subtree hashes: every leaf hash and every perfect subtree
 * hash, addressed by (level, index), plus the tree size they describe. A store never
 * holds a hash past `size()` that a later append could contradict: perfect subtrees
 * are immutable once complete, which is what makes past roots and proofs cheap.
 */
export interface HashStore extends HashReader {
  put(level: number, index: number, hash: Uint8Array): void;
  size(): number;
  setSize(size: number): void;
}

/** A HashStore in a Map; for tests, benchmarks and short-lived trees. */
export class MemoryHashStore implements HashStore {
  private readonly levels: Uint8Array[][] = [];
  private treeSize = 0;

  get(level: number, index: number): Uint8Array | undefined {
    return this.levels[level]?.[index];
  }

  put(level: number, index: number, hash: Uint8Array): void {
    let row = this.levels[level];
    if (row === undefined) {
      row = [];
      this.levels[level] = row;
    }
    row[index] = hash;
  }

  size(): number {
    return this.treeSize;
  }

  setSize(size: number): void {
    this.treeSize = size;
  }
}
