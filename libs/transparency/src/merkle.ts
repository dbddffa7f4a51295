import { HashReader, MissingHashError, TreeRangeError } from './hash-reader';
import { EMPTY_ROOT, nodeHash } from './hashing';

// Arithmetic instead of bitwise operators throughout: JS bit operations are 32-bit and a
// log may outgrow 2^31 leaves. Sizes stay exact integers up to 2^53.

/** The largest power of two strictly below n (n >= 2): RFC 9162's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

function read(reader: HashReader, level: number, index: number): Uint8Array {
  const h = reader.get(level, index);
  if (h === undefined) throw new MissingHashError(level, index);
  return h;
}

/**
 * MTH(D[start:end]) for the ranges RFC 9162's recursion produces (start a multiple of the
 * largest power of two <= end - start): one read when the range is a perfect subtree,
 * otherwise one read per set bit of its size.
 */
export function rangeHash(reader: HashReader, start: number, end: number): Uint8Array {
  const n = end - start;
  if (n <= 0) throw new TreeRangeError(`empty range [${start}, ${end})`);
  if (isPowerOfTwo(n) && start % n === 0) return read(reader, Math.log2(n), start / n);
  const k = splitPoint(n);
  return nodeHash(rangeHash(reader, start, start + k), rangeHash(reader, start + k, end));
}

/** The root hash of the tree of the first `size` leaves. */
export function treeRoot(reader: HashReader, size: number): Uint8Array {
  assertSize(size);
  return size === 0 ? EMPTY_ROOT : rangeHash(reader, 0, size);
}

/** RFC 9162 §2.1.3.1 PATH(m, D[0:n]), leaf-to-root order. */
export function inclusionProof(reader: HashReader, index: number, size: number): Uint8Array[] {
  assertSize(size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new TreeRangeError(`leaf ${index} is not in a tree of size ${size}`);
  }
  const path: Uint8Array[] = [];
  let start = 0;
  let n = size;
  let m = index;
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      path.push(rangeHash(reader, start + k, start + n));
      n = k;
    } else {
      path.push(rangeHash(reader, start, start + k));
      start += k;
      m -= k;
      n -= k;
    }
  }
  return path.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[0:n]); empty when first is 0 or equals second. */
export function consistencyProof(reader: HashReader, first: number, second: number): Uint8Array[] {
  assertSize(first);
  assertSize(second);
  if (first > second) throw new TreeRangeError(`first size ${first} > second size ${second}`);
  if (first === 0 || first === second) return [];
  const proof: Uint8Array[] = [];
  let start = 0;
  let n = second;
  let m = first;
  let complete = true; // RFC's b: the old tree is a complete subtree seen so far
  while (m !== n) {
    const k = splitPoint(n);
    if (m <= k) {
      proof.push(rangeHash(reader, start + k, start + n));
      n = k;
    } else {
      proof.push(rangeHash(reader, start, start + k));
      start += k;
      m -= k;
      n -= k;
      complete = false;
    }
  }
  if (!complete) proof.push(rangeHash(reader, start, start + m));
  return proof.reverse();
}

function assertSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new TreeRangeError(`bad tree size ${size}`);
}
