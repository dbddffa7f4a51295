import fc from 'fast-check';
import { CompactRange, HASH_SIZE, sha256 } from '@inr/transparency';
import { foldBorder, foldsAt, rangeSubtrees } from '../src/leaf-subtrees';

// A worker's subtree roots, folded in by the audit's thread, must give the tree (and every
// checkpoint root inside a range) that appending the same leaves one by one gives.
const leaves = (n: number): Uint8Array => {
  const out = new Uint8Array(n * HASH_SIZE);
  for (let i = 0; i < n; i++) out.set(sha256(Uint8Array.of(i & 0xff, i >> 8)), i * HASH_SIZE);
  return out;
};

describe('folding ranges of leaves in as subtree roots', () => {
  it('gives the roots of appending leaf by leaf, at every size asked for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }), // ranges before, of `width` leaves
        fc.constantFrom(1, 2, 4, 8, 16),
        fc.integer({ min: 1, max: 16 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 15 })),
        (before, width, length, inside) => {
          const n = before * width + length;
          const all = leaves(n);
          const start = before * width;
          const reference = CompactRange.empty();
          const roots = new Map<number, string>();
          for (let i = 0; i < n; i++) {
            reference.append(all.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
            roots.set(i + 1, Buffer.from(reference.root()).toString('hex'));
          }
          const tree = CompactRange.empty();
          for (let i = 0; i < start; i++)
            tree.append(all.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
          const sizes = inside.filter((s) => s < length).sort((a, b) => a - b);
          const subtrees = rangeSubtrees(all.subarray(start * HASH_SIZE), sizes);
          if (!foldsAt(start, length)) return; // the audit takes such a range leaf by leaf
          for (const s of sizes) {
            const copy = tree.clone();
            foldBorder(copy, subtrees.at.get(s)!, s);
            expect(Buffer.from(copy.root()).toString('hex')).toBe(roots.get(start + s));
          }
          foldBorder(tree, subtrees.border, length);
          expect(tree.size()).toBe(n);
          expect(Buffer.from(tree.root()).toString('hex')).toBe(roots.get(n));
        },
      ),
    );
  });

  it('refuses a subtree that would not sit where the tree puts it', () => {
    const tree = CompactRange.empty();
    tree.appendSubtree(0, sha256(Uint8Array.of(1)));
    expect(() => tree.appendSubtree(1, sha256(Uint8Array.of(2)))).toThrow(RangeError);
    expect(foldsAt(8, 8)).toBe(true);
    expect(foldsAt(4, 8)).toBe(false);
  });
});
