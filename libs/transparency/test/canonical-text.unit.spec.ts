import fc from 'fast-check';
import {
  canonicalJson,
  canonicalJsonText,
  leafJson,
  leafJsonFromText,
  type LeafSource,
} from '@inr/transparency';
import { json, number, text } from '../src/testing/json-arbitraries';

// The audit's fast path splices stored text into a leaf through canonicalJsonText: that must
// never differ from canonicalising the parse, or a leaf would hash bytes leafJson would not write.
/** What the slow path makes of a text: the canonical form of its parse, or an error. */
function canonicalOf(t: string): string | undefined {
  try {
    return canonicalJson(JSON.parse(t));
  } catch {
    return undefined;
  }
}

// Ways stored text can differ from canonical: JSON.stringify's key order, indentation,
// other escapes and number spellings, and plain edits of a canonical text.
const mutations: ((t: string) => string)[] = [
  (t) => t.replace(/,/, ', '),
  (t) => t.replace(/:/, ': '),
  (t) => t.replace(/\\n/, '\\u000a'),
  (t) => t.replace(/"/, '"\\/'),
  (t) => t.replace(/1/, '1.0'),
  (t) => t.replace(/0/, '-0'),
  (t) => t.replace(/e\+/, 'E+'),
  (t) => t.replace(/\d/, '0$&'),
  (t) => t.replace(/\\u00(1[0-9a-f])/, (_, h: string) => `\\u00${h.toUpperCase()}`),
  (t) => t.slice(0, -1),
  (t) => `${t} `,
  (t) => t.replace(/[{,]"[^"\\]*":[^,{}[\]]*/, (m) => `${m}${m.replace('{', ',')}`), // a duplicate
];

describe('canonicalJsonText', () => {
  it('gives the canonical form of the parse, or nothing', () => {
    fc.assert(
      fc.property(json, (v) => {
        const texts = [JSON.stringify(v), JSON.stringify(v, null, 1)];
        try {
          const c = canonicalJson(v);
          texts.push(c, ...mutations.map((f) => f(c)), ...mutations.map((f) => f(texts[0]!)));
        } catch {
          // no canonical form (a lone surrogate): the stringified texts must be refused
        }
        for (const t of texts) {
          const c = canonicalJsonText(t);
          if (c !== undefined) expect(c).toBe(canonicalOf(t));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("handles JSON.stringify's text of parsed JSON without escaped keys", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const t = JSON.stringify(v);
        if (!/"[^"]*\\/.test(t)) expect(canonicalJsonText(t)).toBe(canonicalOf(t));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['{"b":1,"a":2}', '{"a":2,"b":1}'], // JSON.stringify's insertion order
    ['{"b":[{"d":1,"c":2},3],"a":{"y":{},"x":[]}}', '{"a":{"x":[],"y":{}},"b":[{"c":2,"d":1},3]}'],
    ['[1,{"b":1,"a":2},{"d":1,"c":2}]', '[1,{"a":2,"b":1},{"c":2,"d":1}]'],
    ['{"a":1,"a":2}', undefined],
    ['{"b":1,"a":2,"b":3}', undefined],
    ['{"10":1,"9":2}', '{"10":1,"9":2}'], // code-unit order, not numeric
    ['{"9":2,"10":1}', '{"10":1,"9":2}'],
    [
      '{"a":[1,2.5,-3,1e+21,1e-7,true,null,"x\\n\\u0001"]}',
      '{"a":[1,2.5,-3,1e+21,1e-7,true,null,"x\\n\\u0001"]}',
    ],
    ['{"a":1.0}', undefined],
    ['{"a":-0}', undefined],
    ['{"a":1E+21}', undefined],
    ['{"a":"\\u000a"}', undefined],
    ['{"a":"\\u001F"}', undefined],
    ['{"a":"\\/"}', undefined],
    ['{"a":"\\ud800"}', undefined],
    ['{"a":"\ud800"}', undefined],
    ['{"a":"\ud83d\ude00"}', '{"a":"\ud83d\ude00"}'],
    ['{"a" :1}', undefined],
    ['{"a":1} ', undefined],
    ['{"a":1}{', undefined],
    ['{"a":tru}', undefined],
    ['"\u0007"', undefined],
    ['', undefined],
  ])('%j → %j', (t, expected) => {
    expect(canonicalJsonText(t)).toBe(expected);
    if (expected !== undefined) expect(canonicalOf(t)).toBe(expected);
  });

  it('leaves a nesting too deep for the stack to the parser', () => {
    expect(canonicalJsonText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(undefined);
  });
});

describe('leafJsonFromText', () => {
  const event = fc.record({
    streamId: fc.oneof(text, fc.constant('case-1')),
    revision: fc.oneof(fc.nat(), number),
    id: fc.oneof(text, fc.uuid()),
    type: fc.oneof(text, fc.constant('CaseLogged')),
    recordedAt: fc.oneof(text, fc.constant('2025-03-01T09:15:00.000Z')),
    data: json,
    metadata: json,
  });

  it('splices exactly what leafJson writes for the parsed event, or nothing', () => {
    fc.assert(
      fc.property(event, fc.boolean(), (e: LeafSource, canonical) => {
        // Stored as the store writes it (JSON.stringify) or already canonical.
        const stored = (v: unknown): string => {
          try {
            return canonical ? canonicalJson(v) : JSON.stringify(v);
          } catch {
            return JSON.stringify(v);
          }
        };
        const dataText = stored(e.data);
        const metadataText = stored(e.metadata);
        const spliced = leafJsonFromText({ ...e, dataText, metadataText });
        if (spliced === undefined) return;
        const parsed = { ...e, data: JSON.parse(dataText), metadata: JSON.parse(metadataText) };
        expect(spliced).toBe(leafJson(parsed));
      }),
      { numRuns: 300 },
    );
  });

  it('splices the usual stored event', () => {
    const e = {
      streamId: 'case-1',
      revision: 3,
      id: '00000000-0000-4000-8000-000000000001',
      type: 'CaseLogged',
      recordedAt: '2025-03-01T09:15:00.000Z',
      data: { tici: '2b', minutes: 45, notes: 'first pass\n"good"' },
      metadata: {},
    };
    const spliced = leafJsonFromText({
      ...e,
      dataText: canonicalJson(e.data),
      metadataText: '{}',
    });
    expect(spliced).toBe(leafJson(e));
    const asStored = { ...e, dataText: JSON.stringify(e.data), metadataText: '{}' };
    expect(leafJsonFromText(asStored)).toBe(leafJson(e));
    expect(leafJsonFromText({ ...asStored, dataText: JSON.stringify(e.data, null, 2) })).toBe(
      undefined,
    );
  });
});
