import { canonicalJson, CanonicalJsonError } from '@inr/transparency';

// Examples from RFC 8785 §3.2.2, §3.2.3 and Appendix B.
describe('canonicalJson (RFC 8785)', () => {
  it('serialises the §3.2.2 example exactly', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (§3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    const positions = order.map((k) => canonicalJson(input).indexOf(`${JSON.stringify(k)}:`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(canonicalJson(input).startsWith('{"\\r":"Carriage Return","1":"One","\u0080":')).toBe(
      true,
    );
  });

  it.each([
    [0, '0'],
    [-0, '0'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [9007199254740992, '9007199254740992'],
    [1e23, '1e+23'],
    [0.000001, '0.000001'],
    [9.999999999999997e-7, '9.999999999999997e-7'],
    [295147905179352830000, '295147905179352830000'],
    [1e21, '1e+21'],
  ])('serialises the number %p as %s (Appendix B)', (n, text) => {
    expect(canonicalJson(n)).toBe(text);
  });

  it.each([NaN, Infinity, -Infinity, undefined, () => 1, 10n, new Date(0), '\ud800', 'a\udc00b'])(
    'refuses %p, which has no canonical form',
    (v) => {
      expect(() => canonicalJson(v)).toThrow(CanonicalJsonError);
      expect(() => canonicalJson({ nested: [v] })).toThrow(CanonicalJsonError);
    },
  );

  it('is independent of member order and whitespace', () => {
    expect(canonicalJson(JSON.parse('{ "b": [1, {"y":2,"x":1}], "a": "z" }'))).toBe(
      canonicalJson({ a: 'z', b: [1, { x: 1, y: 2 }] }),
    );
  });
});
