import fc from 'fast-check';
import { canonicalJson, encodeLeaf, leafHash, sha256, type LeafSource } from '@inr/transparency';
import { canonicalJsonReference } from '../src/canonical-json';
import { json, number, text } from '../src/testing/json-arbitraries';

// The fast writers must give the straightforward writer's bytes (or its error) on any input.

function outcome(f: () => string): string {
  try {
    return `ok ${f()}`;
  } catch (e) {
    return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

describe('canonicalJson fast path', () => {
  it('matches the straightforward writer on random JSON values', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(outcome(() => canonicalJson(v))).toBe(outcome(() => canonicalJsonReference(v)));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches it on values JSON.parse gives back (key order as parsed)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const parsed: unknown = JSON.parse(JSON.stringify(v));
        expect(canonicalJson(parsed)).toBe(canonicalJsonReference(parsed));
      }),
    );
  });

  const holey: unknown[] = [1];
  holey[2] = 2; // a hole: the fast path bails and the old output stands
  it.each([
    [holey],
    [{ a: undefined }],
    [new Date(0)],
    [Object.create(null) as object],
    [{ b: { d: 1, c: [NaN] }, a: 1 }],
    [{ '\ud800': 1 }],
  ])('agrees on the odd input %p', (v) => {
    expect(outcome(() => canonicalJson(v))).toBe(outcome(() => canonicalJsonReference(v)));
  });
});

describe('leaf encoding fast path', () => {
  const leafSource = fc.record({
    streamId: text,
    revision: fc.oneof(fc.nat(), number),
    id: text,
    type: text,
    recordedAt: text,
    data: json,
    metadata: json,
  });
  const reference = (e: LeafSource): string =>
    canonicalJsonReference({
      streamId: e.streamId,
      revision: e.revision,
      eventId: e.id,
      type: e.type,
      recordedAt: e.recordedAt,
      data: e.data,
      metadata: e.metadata,
    });

  it('gives the bytes of RFC 8785 over the seven members, and their leaf hash', () => {
    fc.assert(
      fc.property(leafSource, (e) => {
        const expected = outcome(() => reference(e));
        expect(outcome(() => Buffer.from(encodeLeaf(e)).toString('utf8'))).toBe(expected);
        if (!expected.startsWith('ok ')) return;
        const bytes = Buffer.from(expected.slice(3), 'utf8');
        const want = Buffer.from(sha256(Uint8Array.of(0), bytes)).toString('hex');
        expect(Buffer.from(leafHash(bytes)).toString('hex')).toBe(want);
        expect(Buffer.from(leafHash(expected.slice(3))).toString('hex')).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes leaves too long for the scratch buffer', () => {
    const big = Buffer.alloc(10_000, 0x61);
    const want = Buffer.from(sha256(Buffer.concat([Uint8Array.of(0), big]))).toString('hex');
    expect(Buffer.from(leafHash(big)).toString('hex')).toBe(want);
    expect(Buffer.from(leafHash(big.toString('latin1'))).toString('hex')).toBe(want);
  });
});
