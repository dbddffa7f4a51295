import { jsonDepthExceeds, parseJsonBody, parseJsonBytes } from './parse-json-body';

describe('parseJsonBody', () => {
  it('accepts a JSON object', () => {
    expect(parseJsonBody('{"a":[1,{"b":"c"}]}')).toEqual({
      ok: true,
      value: { a: [1, { b: 'c' }] },
    });
  });

  it.each([
    ['empty', '', 'MALFORMED_JSON'],
    ['truncated', '{"a":', 'MALFORMED_JSON'],
    ['an array', '[1]', 'VALIDATION_FAILED'],
    ['null', 'null', 'VALIDATION_FAILED'],
    ['a prototype key', '{"__proto__":{"admin":true}}', 'VALIDATION_FAILED'],
    ['an Object.prototype member', '{"valueOf":"x"}', 'VALIDATION_FAILED'],
    ['deep nesting', '['.repeat(40) + ']'.repeat(40), 'VALIDATION_FAILED'],
    ['an escaped lone high surrogate', '{"notes":"a\\ud800b"}', 'INVALID_UNICODE'],
    ['an escaped lone low surrogate', '{"notes":"\\uDC00"}', 'INVALID_UNICODE'],
    ['a reversed pair', '{"notes":"\\udc00\\ud800"}', 'INVALID_UNICODE'],
    ['a lone surrogate in a key', '{"\\ud83d":1}', 'INVALID_UNICODE'],
    ['a lone surrogate deep inside', '{"a":[{"b":["\\ud800"]}]}', 'INVALID_UNICODE'],
    ['a raw lone surrogate', '{"notes":"\ud800"}', 'INVALID_UNICODE'],
    ['an overflowing number', '{"n":1e400}', 'NUMBER_OUT_OF_RANGE'],
    ['a negative overflow', '{"n":-1e309}', 'NUMBER_OUT_OF_RANGE'],
    ['a subnormal number', '{"n":1e-320}', 'NUMBER_OUT_OF_RANGE'],
    ['a number that underflows to zero', '{"n":1e-400}', 'NUMBER_OUT_OF_RANGE'],
    ['a negative underflow', '{"a":[1,{"n":-2.5E-999}]}', 'NUMBER_OUT_OF_RANGE'],
    ['an underflow without an exponent', `{"n":0.${'0'.repeat(400)}1}`, 'NUMBER_OUT_OF_RANGE'],
  ])('refuses %s', (_name, text, code) => {
    const parsed = parseJsonBody(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.code).toBe(code);
  });

  it('accepts well-formed pairs, escaped or raw, and ordinary numbers', () => {
    const parsed = parseJsonBody(
      '{"a":"\\ud83d\\ude00","b":"\u{1F600}","c":[0,-0.5,1e300,2.5e-308]}',
    );
    expect(parsed).toEqual({
      ok: true,
      value: { a: '\u{1F600}', b: '\u{1F600}', c: [0, -0.5, 1e300, 2.5e-308] },
    });
  });

  it('refuses bytes that are not UTF-8, a raw encoded surrogate included', () => {
    for (const bytes of [
      [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d],
      [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d], // CESU-8 U+D800
    ]) {
      const parsed = parseJsonBytes(Buffer.from(bytes));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem.code).toBe('INVALID_UNICODE');
    }
    expect(parseJsonBytes(Buffer.from('{"a":"é😀"}', 'utf8'))).toEqual({
      ok: true,
      value: { a: 'é😀' },
    });
  });

  it('keeps zeros written as zeros, and underflow-looking text inside strings', () => {
    expect(
      parseJsonBody('{"a":0e-400,"b":0.000e-999,"c":-0,"s":"1e-400","t":"\\"1e-400"}'),
    ).toEqual({
      ok: true,
      value: { a: 0, b: 0, c: -0, s: '1e-400', t: '"1e-400' },
    });
  });

  it('counts depth outside strings only', () => {
    expect(jsonDepthExceeds(JSON.stringify({ s: '[[[[[[[[[[[[[[[[[[[[[[' }), 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[', 3)).toBe(true);
  });
});
