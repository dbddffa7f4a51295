import { hash } from 'node:crypto';

/** RFC 9162 §2.1.1 hashing: SHA-256 with domain separation between leaves and nodes. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
// One reused buffer: node hashing dominates audits and proofs, and crypto.hash over a
// single buffer is markedly cheaper than a createHash object per node.
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE, 0x01);
// Likewise for leaves of usual size, instead of a Buffer.concat per leaf.
const leafInput = Buffer.alloc(4096, 0x00);

export function sha256(...parts: Uint8Array[]): Uint8Array {
  return digest(parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts));
}

// Node 20's crypto.hash spends more making a 'buffer' result than hashing a leaf; a binary
// string result copied into a (pooled) Buffer is about twice as fast, with the same bytes.
const digest = (input: Uint8Array | string): Buffer =>
  Buffer.from(hash('sha256', input, 'binary'), 'latin1');

/** The root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Uint8Array = sha256();

/**
 * SHA-256(0x00 ‖ leaf). The leaf may be given as the canonical leaf JSON itself: crypto.hash
 * UTF-8-encodes a string natively, and U+0000 encodes as the 0x00 prefix, so an audit
 * never materialises the leaf bytes at all.
 */
export function leafHash(leaf: Uint8Array | string): Uint8Array {
  if (typeof leaf === 'string') return digest(`\0${leaf}`);
  if (leaf.length >= leafInput.length) return sha256(LEAF_PREFIX, leaf);
  leafInput.set(leaf, 1);
  return digest(leafInput.subarray(0, 1 + leaf.length));
}

/**
 * leafHash of a leaf JSON string, written into `out` at `offset`: no Buffer per leaf. (Writing
 * the leaf into a reused buffer first was tried: cheaper for a flat string, but a leaf built by
 * concatenation costs as much or more that way, so crypto.hash encodes the string itself.)
 */
export function leafHashInto(leaf: string, out: Uint8Array, offset: number): void {
  const h = hash('sha256', `\0${leaf}`, 'binary');
  for (let i = 0; i < HASH_SIZE; i++) out[offset + i] = h.charCodeAt(i);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE)
    return sha256(nodeInput.subarray(0, 1), left, right);
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return digest(nodeInput);
}

/**
 * nodeHash of the two hashes side by side in `pair` at `offset` (left then right), written
 * into `out` at `at`: for building a tree level by level without a Buffer per node.
 */
export function nodeHashInto(pair: Uint8Array, offset: number, out: Uint8Array, at: number): void {
  for (let i = 0; i < 2 * HASH_SIZE; i++) nodeInput[1 + i] = pair[offset + i]!;
  const h = hash('sha256', nodeInput, 'binary');
  for (let i = 0; i < HASH_SIZE; i++) out[at + i] = h.charCodeAt(i);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
export const toBase64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** Strict standard base64 (RFC 4648 §4): undefined unless `s` is the canonical encoding. */
export function fromBase64(s: string): Uint8Array | undefined {
  const bytes = Buffer.from(s, 'base64');
  return bytes.toString('base64') === s ? new Uint8Array(bytes) : undefined;
}
