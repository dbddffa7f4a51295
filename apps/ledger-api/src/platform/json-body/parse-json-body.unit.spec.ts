import { jsonDepthExceeds, parseJsonBody } from './parse-json-body';

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
  ])('refuses %s', (_name, text, code) => {
    const parsed = parseJsonBody(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.code).toBe(code);
  });

  it('counts depth outside strings only', () => {
    expect(jsonDepthExceeds(JSON.stringify({ s: '[[[[[[[[[[[[[[[[[[[[[[' }), 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[', 3)).toBe(true);
  });
});
