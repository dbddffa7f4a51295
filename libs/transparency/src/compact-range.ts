import { HashReader, MissingHashError } from './hash-reader';
import { EMPTY_ROOT, nodeHash } from './hashing';

/** One hash to store: the perfect subtree at (level, index). */
export interface SubtreeHash {
  level: number;
  index: number;
  hash: Uint8Array;
}

/**
 * The right border of a tree: the roots of the perfect subtrees that make up [0, size),
 * largest first (one per set bit of size). Appending a leaf merges equal-sized trailing
 * subtrees, yielding the leaf hash plus every subtree hash it completes: amortised O(1)
 * hashes per leaf, never a read from the store.
 */
export class CompactRange {
  private constructor(
    private treeSize: number,
    /** Border subtree roots, largest (leftmost) first. */
    private readonly border: Uint8Array[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** Rebuild the border of a stored tree of `size` leaves with one read per set bit. */
  static load(reader: HashReader, size: number): CompactRange {
    const border: Uint8Array[] = [];
    let start = 0;
    for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level--) {
      const width = 2 ** level;
      if (size - start >= width) {
        const index = start / width;
        const h = reader.get(level, index);
        if (h === undefined) throw new MissingHashError(level, index);
        border.push(h);
        start += width;
      }
    }
    return new CompactRange(size, border);
  }

  size(): number {
    return this.treeSize;
  }

  /** Add one leaf hash; returns what to store (the leaf, then each completed subtree). */
  append(leafHash: Uint8Array): SubtreeHash[] {
    const out: SubtreeHash[] = [{ level: 0, index: this.treeSize, hash: leafHash }];
    let h = leafHash;
    let index = this.treeSize;
    let level = 0;
    while (index % 2 === 1) {
      const left = this.border.pop() as Uint8Array; // an odd index always has a left sibling
      h = nodeHash(left, h);
      index = (index - 1) / 2;
      level++;
      out.push({ level, index, hash: h });
    }
    this.border.push(h);
    this.treeSize++;
    return out;
  }

  /**
   * Add the root of a perfect subtree of 2^level leaves computed elsewhere (a worker's range);
   * the tree's size must be a multiple of 2^level, so the subtree sits where the tree would put
   * it. The same border as appending its leaves one by one, without storing anything.
   */
  appendSubtree(level: number, hash: Uint8Array): void {
    const width = 2 ** level;
    if (this.treeSize % width !== 0) {
      throw new RangeError(`a subtree of ${width} leaves cannot follow ${this.treeSize} leaves`);
    }
    let h = hash;
    for (let index = this.treeSize / width; index % 2 === 1; index = (index - 1) / 2) {
      h = nodeHash(this.border.pop() as Uint8Array, h);
    }
    this.border.push(h);
    this.treeSize += width;
  }

  /** The border's subtree roots, largest first: one per set bit of size, highest bit first. */
  borderHashes(): readonly Uint8Array[] {
    return this.border;
  }

  /** A copy to fold more into, leaving this one as it is. */
  clone(): CompactRange {
    return new CompactRange(this.treeSize, [...this.border]);
  }

  /** The root of the tree so far, folding the border right to left. */
  root(): Uint8Array {
    if (this.border.length === 0) return EMPTY_ROOT;
    let r = this.border[this.border.length - 1] as Uint8Array;
    for (let i = this.border.length - 2; i >= 0; i--) r = nodeHash(this.border[i] as Uint8Array, r);
    return r;
  }
}
