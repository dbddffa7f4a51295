// Obfuscation undone before any pattern runs: the patterns then only ever see ASCII digits,
// composed letters and visible characters.

/** Printable ASCII plus tab and line breaks: nothing for normalisation to change. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;
/** Zero-width and format characters (U+200B, U+00AD, U+2060, U+FEFF, ...) and combining marks. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}]/gu;
/** A decimal digit of any script that is not already ASCII. */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;

const digitValues = new Map<number, string>();

/**
 * The ASCII digit for a decimal digit of any script. Unicode assigns decimal digits only in
 * contiguous runs of ten, zero to nine, so the value is the distance from the run's start
 * (modulo 10 where runs follow each other, as the mathematical digits do).
 */
function asciiDigit(digit: string): string {
  const cp = digit.codePointAt(0) as number;
  let value = digitValues.get(cp);
  if (value === undefined) {
    let start = cp;
    while (IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = String((cp - start) % 10);
    digitValues.set(cp, value);
  }
  return value;
}

/**
 * The text as the identifier patterns read it: NFKC (fullwidth and other compatibility forms,
 * no-break spaces become plain ones), invisible characters and combining marks removed, and
 * every Unicode decimal digit (Arabic-Indic, Devanagari, ...) as its ASCII digit.
 */
export function normaliseForScan(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(OTHER_DIGIT, asciiDigit);
}
