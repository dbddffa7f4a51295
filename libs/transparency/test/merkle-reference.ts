import { leafHash, nodeHash, sha256, splitPoint } from '@inr/transparency';

/** MTH straight from RFC 9162 §2.1.1, over leaf hashes: the oracle for the stored-subtree code. */
export function referenceRoot(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return sha256();
  if (hashes.length === 1) return hashes[0] as Uint8Array;
  const k = splitPoint(hashes.length);
  return nodeHash(referenceRoot(hashes.slice(0, k)), referenceRoot(hashes.slice(k)));
}

export function randomishLeafHashes(n: number, seed = 1): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${seed}/${i * 7919}`)));
}

export const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
