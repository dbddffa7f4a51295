/**
 * NHS number check digit (modulus 11): weights 10..2 on the first nine digits,
 * check = 11 - (sum mod 11); 11 means 0 and 10 means the number is not valid.
 */
export function isValidNhsNumber(digits: string): boolean {
  const clean = digits.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(clean)) return false;
  return checkDigitHolds(clean, 0);
}

/** The mod-11 check of the ten ASCII digits of `digits` from `at`. */
function checkDigitHolds(digits: string, at: number): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(at + i) - 0x30) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits.charCodeAt(at + 9) - 0x30;
}

// Spans that hold digits but are never a patient's number, removed before the search so they
// cannot join the digits around them: machine ids (UUIDs, hex digests of 32+ characters with a
// letter) and whole runs of clock times and dates with a four-digit year, standing apart from
// other digits. A date or time touching other digits through separators stays in the search,
// and so does a run of them holding exactly ten digits: an NHS number cannot hide as one.
const SEP = '[^\\p{L}\\p{N}]';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const HEX_DIGEST = '(?=[0-9]*[a-f])[0-9a-f]{32,}';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)\\d\\d';
const DATE = `(?:${YEAR}[-/.]${MONTH}[-/.]${DAY}|${DAY}[-/.]${MONTH}[-/.]${YEAR})`;
const TIME = '(?:[01]?\\d|2[0-3])[:.][0-5]\\d(?::[0-5]\\d)?';
const WHEN = `(?:${DATE}|${TIME})`;
const NOT_AN_IDENTIFIER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${UUID}|${HEX_DIGEST})(?![\\p{L}\\p{N}])` +
    `|(?<!\\p{N}${SEP}*)${WHEN}(?:(?:${SEP}+|T)${WHEN})*(?!${SEP}*\\p{N})`,
  'giu',
);

/** ASCII digits in `text`, counting no further than `atMost`. */
export function countDigits(text: string, atMost = Infinity): number {
  let digits = 0;
  for (let i = 0; i < text.length && digits < atMost; i++)
    if (isDigit(text.charCodeAt(i))) digits++;
  return digits;
}

const maskUnlessTenDigits = (span: string): string => (countDigits(span, 11) === 10 ? span : 'x');

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLetter = /\p{L}/u;

/**
 * True when `text` (already normalised: ASCII digits) holds a valid NHS number however it is
 * written: any run of non-alphanumeric characters between digits is a separator, letters end a
 * run, and every window of ten consecutive digits in a run is tested with the mod-11 check.
 */
export function containsNhsNumber(text: string): boolean {
  if (countDigits(text, 10) < 10 || !hasValidWindow(text)) return false;
  // Only now the costlier search for spans to leave out: removing them can only clear text.
  return hasValidWindow(text.replace(NOT_AN_IDENTIFIER, maskUnlessTenDigits));
}

function hasValidWindow(text: string): boolean {
  let run = '';
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (isDigit(c)) {
      run += text[i];
      continue;
    }
    if (c !== -1 && (c < 0x80 ? !isAsciiLetter(c) : !isLetter.test(text[i] as string))) continue; // a separator: the run goes on
    for (let at = 0; at + 10 <= run.length; at++) if (checkDigitHolds(run, at)) return true;
    run = '';
  }
  return false;
}

const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
