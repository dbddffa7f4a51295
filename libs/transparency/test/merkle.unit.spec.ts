import {
  CompactRange,
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  MemoryHashStore,
  MissingHashError,
  rootFromInclusionProof,
  TreeRangeError,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from '@inr/transparency';
import { hex, randomishLeafHashes, referenceRoot, unhex } from './merkle-reference';

function storeOf(hashes: readonly Uint8Array[]): MemoryHashStore {
  const store = new MemoryHashStore();
  const range = CompactRange.empty();
  for (const h of hashes) for (const n of range.append(h)) store.put(n.level, n.index, n.hash);
  store.setSize(hashes.length);
  return store;
}

// The Certificate Transparency / transparency-dev/merkle test inputs and expected values.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => leafHash(unhex(h)));
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// [0-based leaf index, tree size, proof]
const CT_INCLUSION: [number, number, string[]][] = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
const CT_CONSISTENCY: [number, number, string[]][] = [
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];

describe('Merkle tree (RFC 9162 §2.1) against the published vectors', () => {
  const store = storeOf(CT_LEAVES);

  it('has the empty root SHA-256("") and the CT roots for sizes 1..8', () => {
    expect(hex(treeRoot(store, 0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    CT_ROOTS.forEach((root, i) => expect(hex(treeRoot(store, i + 1))).toBe(root));
  });

  it.each(CT_INCLUSION)(
    'generates and verifies the known inclusion proof of leaf %i in size %i',
    (index, size, proof) => {
      expect(inclusionProof(store, index, size).map(hex)).toEqual(proof);
      const root = unhex(CT_ROOTS[size - 1] as string);
      expect(
        verifyInclusion(index, size, CT_LEAVES[index] as Uint8Array, proof.map(unhex), root),
      ).toBe(true);
    },
  );

  it.each(CT_CONSISTENCY)(
    'generates and verifies the known consistency proof %i -> %i',
    (first, second, proof) => {
      expect(consistencyProof(store, first, second).map(hex)).toEqual(proof);
      const [r1, r2] = [CT_ROOTS[first - 1], CT_ROOTS[second - 1]].map((r) => unhex(r as string));
      expect(
        verifyConsistency(first, second, r1 as Uint8Array, r2 as Uint8Array, proof.map(unhex)),
      ).toBe(true);
    },
  );

  it('rejects the degenerate cases transparency-dev/merkle rejects', () => {
    const [a, b] = [unhex(CT_ROOTS[0] as string), unhex(CT_ROOTS[1] as string)];
    expect(verifyConsistency(0, 0, a, a, [])).toBe(true);
    expect(verifyConsistency(0, 5, a, b, [])).toBe(true);
    expect(verifyConsistency(1, 1, a, b, [])).toBe(false); // same size, different roots
    expect(verifyConsistency(2, 1, a, b, [])).toBe(false); // time travel
    expect(verifyConsistency(1, 2, a, b, [])).toBe(false); // empty proof
    expect(verifyConsistency(1, 1, a, a, [EMPTY_ROOT])).toBe(false); // proof where none is due
    expect(verifyInclusion(0, 0, a, [], a)).toBe(false);
    expect(verifyInclusion(1, 1, a, [], a)).toBe(false);
    expect(verifyInclusion(0, 1, a, [], a)).toBe(true);
  });

  it('refuses to prove what a tree of that size does not hold', () => {
    expect(() => inclusionProof(store, 8, 8)).toThrow(TreeRangeError);
    expect(() => consistencyProof(store, 5, 3)).toThrow(TreeRangeError);
    expect(() => treeRoot(store, 9)).toThrow(MissingHashError);
  });
});

describe('every proof of every size up to 128 (stored subtrees vs the RFC definition)', () => {
  const N = 128;
  const leaves = randomishLeafHashes(N);
  const store = storeOf(leaves);
  const roots = Array.from({ length: N + 1 }, (_, n) => referenceRoot(leaves.slice(0, n)));
  const flipped = (proof: Uint8Array[], i: number): Uint8Array[] =>
    proof.map((p, j) => (j === i ? p.map((b, k) => (k === 5 ? b ^ 0x10 : b)) : p));

  it('roots of every past size equal the reference, and the compact range agrees', () => {
    const range = CompactRange.empty();
    for (let n = 0; n <= N; n++) {
      expect(hex(treeRoot(store, n))).toBe(hex(roots[n] as Uint8Array));
      expect(hex(range.root())).toBe(hex(roots[n] as Uint8Array));
      expect(hex(CompactRange.load(store, n).root())).toBe(hex(roots[n] as Uint8Array));
      if (n < N) range.append(leaves[n] as Uint8Array);
    }
  });

  // Failures are collected and asserted once: ~100k expect() calls would dominate the run.
  it('inclusion proofs verify, and fail when any hash, the index or the size is wrong', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= N; n++) {
      const root = roots[n] as Uint8Array;
      for (let i = 0; i < n; i++) {
        const leaf = leaves[i] as Uint8Array;
        const proof = inclusionProof(store, i, n);
        if (!verifyInclusion(i, n, leaf, proof, root)) wrong.push(`${i}@${n} rejected`);
        for (let j = 0; j < proof.length; j++) {
          if (verifyInclusion(i, n, leaf, flipped(proof, j), root))
            wrong.push(`${i}@${n} flip ${j}`);
        }
        if (n > 1 && verifyInclusion((i + 1) % n, n, leaf, proof, root))
          wrong.push(`${i}@${n} index`);
        if (rootFromInclusionProof(i, n, leaf, [...proof, root])) wrong.push(`${i}@${n} extra`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('consistency proofs verify for every pair, and fail when any hash or root is wrong', () => {
    const wrong: string[] = [];
    for (let second = 1; second <= N; second++) {
      for (let first = 1; first <= second; first++) {
        const [r1, r2] = [roots[first] as Uint8Array, roots[second] as Uint8Array];
        const proof = consistencyProof(store, first, second);
        if (!verifyConsistency(first, second, r1, r2, proof))
          wrong.push(`${first}->${second} rejected`);
        if (first === second) continue;
        for (let j = 0; j < proof.length; j++) {
          if (verifyConsistency(first, second, r1, r2, flipped(proof, j))) {
            wrong.push(`${first}->${second} flip ${j}`);
          }
        }
        if (verifyConsistency(first, second, r2, r1, proof))
          wrong.push(`${first}->${second} swapped`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
