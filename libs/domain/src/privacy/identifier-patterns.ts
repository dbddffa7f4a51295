// Labelled identifiers and names, read from normalised text (see normaliseForScan). Dates of
// birth and hospital numbers are matched on a "words" form: lower case, every run of
// non-alphanumerics one space, so "D.O.B.:", "d o b" and "DOB -" all read "d o b" or "dob".

/** Lower case, each run of characters that are neither letters nor digits as one space. */
export function wordsOf(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?' +
  '|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';
/** A full date in the words form: numeric in any order and separators, or with a month name. */
const DATE_WORDS =
  `(?:\\d{1,2} \\d{1,2} \\d{2,4}|\\d{4} \\d{1,2} \\d{1,2}|\\d{6}|\\d{8}` +
  `|\\d{1,2}${ORDINAL} ?(?:of )?${MONTH} ?\\d{2,4}|${MONTH} ?\\d{1,2}${ORDINAL} ?\\d{2,4}` +
  `|${MONTH} \\d{4})`;
const DOB_LABEL = '(?:d ?o ?b|date of birth|birth ?date|birthday|date born|born(?: on| in)?)';
/** The label, then at most two short words ("is", "approx") or nothing at all, then a date. */
export const DATE_OF_BIRTH = new RegExp(` ${DOB_LABEL}(?: (?:[a-z]{1,8} ){0,2}?|)${DATE_WORDS} `);

const HOSPITAL_LABEL =
  '(?:m ?r ?n|medical record(?: number| no| num)?|hospital (?:number|no|num|id|ref|record)' +
  '|hosp (?:number|no|num|id|ref)|unit (?:number|no|num)|case ?notes? (?:number|no)' +
  '|(?:patient|pt|pas|chi|rxr) (?:number|no|num|id))';
/**
 * The label, optionally "is" or "#", then an id of at least three characters holding a digit:
 * a few letters and digits ("rx1234567"), possibly in spaced groups ("123 456 7").
 */
export const HOSPITAL_NUMBER = new RegExp(
  ` ${HOSPITAL_LABEL} ?(?:is |number |no )?(?:[a-z]{1,4} ?)?\\d[a-z0-9]{2,}(?: \\d+)* `,
);

const TITLE = '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Rev)';
const NAME_SEP = '[^\\p{L}\\p{N}]{1,3}';
/** A capitalised name ("Smith", "O'Brien") or an initial then one ("J Smith"). */
const NAME = `(?:\\p{Lu}\\p{Ll}+|\\p{Lu}${NAME_SEP}\\p{Lu}\\p{Ll}+)`;
/** A title, then a capitalised name: "Mr John Smith", "Mrs. O'Brien", "Dr\u00a0Patel". */
export const TITLED_NAME = new RegExp(`(?<![\\p{L}\\p{N}])${TITLE}\\.?${NAME_SEP}${NAME}`, 'u');
/**
 * A name label and a colon or equals sign opening a line or clause: "name: x", "Patient name =
 * x", "surname: x" (any word; "Device name: X" is not one); "patient: Jane Doe" needs two
 * capitalised words, so "patient: stable" is not a name.
 */
export const LABELLED_NAME = new RegExp(
  `(?<=(?:^|[\\n\\r;,.(|])[ \\t]*)(?:(?:[Pp]atient|[Pp]t|[Ff]ull|[Ff]irst|[Ll]ast|[Gg]iven|[Ff]amily)[ _-]?)?` +
    `(?:[Ss]ur|[Ff]ore)?(?:[Nn]ame|NAME)\\s*[:=]\\s*\\p{L}{2,}` +
    `|(?<![\\p{L}\\p{N}])(?:[Pp]atient|PATIENT|[Pp]t|PT)\\s*[:=]\\s*\\p{Lu}\\p{Ll}+${NAME_SEP}\\p{Lu}\\p{Ll}+`,
  'u',
);

/** Cheap tests that rule a string out before the patterns run: each matches wherever its pattern does. */
export const DOB_HINT = /d\W*o\W*b|birth|born/i;
export const HOSPITAL_HINT =
  /(?:^|[^a-z])(?:m\W*r\W*n|medical|hosp(?:ital)?|unit|case\W*notes?|patient|pt|pas|chi|rxr)(?![a-z])/i;
export const TITLE_HINT = /(?:Mrs?|Ms|Mx|Miss|Dr|Prof(?:essor)?|Sir|Dame|Rev)(?![a-z])/;
export const NAME_LABEL_HINT = /(?:name|patient|pt)\s*[:=]/i;
