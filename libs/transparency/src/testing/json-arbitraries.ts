import fc from 'fast-check';

/** JSON-ish values for property tests of the canonical writers: odd strings, numbers and keys. */
export const text = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }), // all of UTF-16, surrogate pairs included
  fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', '\n', '\u001f', '\u007f', '\ud800') }),
  fc.string({ unit: fc.constantFrom('\ud83d', '\ude00', 'é', '\u2028', 'x') }), // lone surrogates too
);
export const number = fc.oneof(
  fc.double(),
  fc.constantFrom(-0, 0, 1e21, 1e-7, 5e-324, 9007199254740992, 1.7976931348623157e308, 0.1),
  fc.integer(),
);
export const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('json')),
    fc.dictionary(fc.oneof(text, fc.constantFrom('1', '10', '2', '__proto__x')), tie('json')),
  ),
}));
