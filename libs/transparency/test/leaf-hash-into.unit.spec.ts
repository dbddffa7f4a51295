import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { HASH_SIZE, leafHash, leafHashInto } from '@inr/transparency';

/** RFC 9162 §2.1.1 written out: SHA-256(0x00 ‖ UTF-8 of the leaf). */
const reference = (leaf: string): Buffer =>
  createHash('sha256')
    .update(Buffer.from([0]))
    .update(leaf, 'utf8')
    .digest();

/** leafHashInto's result at an offset inside a larger buffer (what the audit's workers use). */
function into(leaf: string): Buffer {
  const out = new Uint8Array(3 * HASH_SIZE).fill(0xaa);
  leafHashInto(leaf, out, HASH_SIZE);
  expect(out.subarray(0, HASH_SIZE).every((b) => b === 0xaa)).toBe(true);
  expect(out.subarray(2 * HASH_SIZE).every((b) => b === 0xaa)).toBe(true);
  return Buffer.from(out.subarray(HASH_SIZE, 2 * HASH_SIZE));
}

describe('leafHashInto', () => {
  it('is SHA-256(0x00 ‖ UTF-8) for any text, short or long', () => {
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 64 }),
      // Long leaves, multi-byte characters included.
      fc
        .tuple(fc.integer({ min: 5400, max: 5500 }), fc.constantFrom('a', 'é', '€', '😀'))
        .map(([n, c]) => c.repeat(Math.ceil(n / c.length))),
    );
    fc.assert(
      fc.property(texts, (leaf) => {
        expect(into(leaf).equals(reference(leaf))).toBe(true);
        expect(Buffer.from(leafHash(leaf)).equals(reference(leaf))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no trace of a longer leaf in the next one', () => {
    const long = `{"data":${'"x"'.repeat(100)}}`;
    into(long);
    expect(into('{}').equals(reference('{}'))).toBe(true);
  });
});
