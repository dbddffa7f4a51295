import { hash } from 'node:crypto';

/** RFC 9162 §2.1.1 hashing: SHA-256 with domain separation between leaves and nodes. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
// One reused buffer: node hashing dominates audits and proofs, and crypto.hash over a
// single buffer is markedly cheaper than a createHash object per node.
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE, 0x01);

export function sha256(...parts: Uint8Array[]): Uint8Array {
  const input = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  return hash('sha256', input, 'buffer');
}

/** The root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Uint8Array = sha256();

export function leafHash(leaf: Uint8Array): Uint8Array {
  return sha256(LEAF_PREFIX, leaf);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE)
    return sha256(nodeInput.subarray(0, 1), left, right);
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return hash('sha256', nodeInput, 'buffer');
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
