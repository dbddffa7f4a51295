import fc from 'fast-check';
import type { PatientIdentifierKind } from '../privacy/find-patient-identifiers';

/**
 * Finding 6 of issue 11: ways past the first patient-identifier guard, each of which must now be
 * refused (9434765919 is a valid NHS number; the dates and names are made up).
 */
export const OBFUSCATED_IDENTIFIERS: ReadonlyArray<[string, string, PatientIdentifierKind]> = [
  ['non-breaking spaces', 'Pt 943\u00a0476\u00a05919 seen', 'nhs-number'],
  ['narrow no-break spaces', '943\u202f476\u202f5919', 'nhs-number'],
  ['newlines', 'Pt\n943\n476\n5919', 'nhs-number'],
  ['tabs', '943\t476\t5919', 'nhs-number'],
  ['dots', 'ref 943.476.5919', 'nhs-number'],
  ['slashes', '943/476/5919', 'nhs-number'],
  ['double spaces', '943  476  5919', 'nhs-number'],
  ['underscores and brackets', '(943)_476_5919', 'nhs-number'],
  ['pairs of digits', '94 34 76 59 19', 'nhs-number'],
  ['every digit apart', '9 4 3 4 7 6 5 9 1 9', 'nhs-number'],
  [
    'fullwidth digits',
    '\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19',
    'nhs-number',
  ],
  [
    'Arabic-Indic digits',
    '\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669',
    'nhs-number',
  ],
  [
    'Persian digits',
    '\u06f9\u06f4\u06f3 \u06f4\u06f7\u06f6 \u06f5\u06f9\u06f1\u06f9',
    'nhs-number',
  ],
  [
    'Devanagari digits',
    '\u096f\u096a\u0969\u096a\u096d\u096c\u096b\u096f\u0967\u096f',
    'nhs-number',
  ],
  ['mathematical bold digits', '\u{1d7d7}\u{1d7d2}\u{1d7d1}4765919', 'nhs-number'],
  ['zero-width spaces', '943\u200b476\u200b5919', 'nhs-number'],
  ['zero-width joiners and a BOM', '9\u200d4\u200c3\u20604765\ufeff919', 'nhs-number'],
  ['soft hyphens', '943\u00ad476\u00ad5919', 'nhs-number'],
  ['combining marks', '9\u03014\u03033 476 5919', 'nhs-number'],
  ['glued to letters', 'NHS9434765919', 'nhs-number'],
  ['glued on both sides', 'nhs#9434765919x', 'nhs-number'],
  ['inside a longer run of digits', 'id 009434765919', 'nhs-number'],
  ['DOB with a month name', 'DOB 01-Feb-1960', 'date-of-birth'],
  ['birth date label', 'birth date: 01/02/1960', 'date-of-birth'],
  ['date of birth in words', 'Date of birth 1st of February 1960', 'date-of-birth'],
  ['d.o.b. glued', 'd.o.b.01.02.1960', 'date-of-birth'],
  ['DOB with zero-width spaces', 'D\u200bO\u200bB 01/02/1960', 'date-of-birth'],
  ['M.R.N.', 'M.R.N. RX1234567', 'hospital-number'],
  ['hosp no', 'hosp no 1234567', 'hospital-number'],
  ['hospital number with a colon', 'hospital number: A123456', 'hospital-number'],
  ['unit no.', 'unit no. 00123456', 'hospital-number'],
  ['MRN glued', 'MRN1234567', 'hospital-number'],
  ['a name after Mr', 'Mr John Smith', 'name'],
  ['a name after Mrs. with an apostrophe', "seen with Mrs. O'Brien", 'name'],
  ['a name after Dr with a no-break space', 'discussed with Dr\u00a0Patel', 'name'],
  ['a name after a name label', 'name: jane doe', 'name'],
  ['a patient label and a full name', 'patient: Jane Doe', 'name'],
];

/** Clinically ordinary text the guard must let through (see docs/domain.md, "Patient data"). */
export const CLINICAL_TEXT: readonly string[] = [
  'M1 occlusion, 2 passes, eTICI 2b67 at 10:48 on 2026-02-14; GMC 7012345',
  'eTICI 2c after 3 passes; final 2b50',
  'Arrival 10:15, puncture 10:52, reperfusion 11:20, closure 11:41',
  'times 09:15, 09:48, 10:02, 10:40 and 11.05',
  'on 14/02/2026 10:48, reviewed 2026-02-15T09:30',
  'NIHSS 18 to 4 at 24 h; mRS 2 at 90 days',
  'ASPECTS 8, 6F sheath, 0.021 microcatheter, 4x20 mm stent retriever',
  'case a1b2c3d4-0000-4000-8000-943476591900 discussed with supervisor',
  'digest 9434765919aa00ff9434765919aa00ff9434765919aa00ff9434765919aa',
  'DOB not recorded here; born at term',
  'hospital number withheld; stroke unit number 2',
  'MR angiography and MS history; Miss rate low',
  'the Dr on call agreed; dr. review',
  'Device name: Solitaire X; patient: stable',
  'M2 and A1 segments, ICA terminus, P1',
  'LR-7F3A2C',
];

/** Decimal digit systems: the code point of each one's zero. */
const ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce, 0x1d7ec, 0x1040];
const SEPARATORS = ['', ' ', '  ', '\u00a0', '\n', '\t', '.', '/', '-', '_', ' - ', ', ', '\u2009'];
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e'];

/** Valid NHS numbers: nine digits and their mod-11 check digit (re-drawn when it would be 10). */
export const validNhsDigits: fc.Arbitrary<number[]> = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((nine) => {
    const sum = nine.reduce((acc, d, i) => acc + d * (10 - i), 0);
    return [...nine, (11 - (sum % 11)) % 11];
  })
  .filter((ten) => ten[9] !== 10);

/**
 * A valid NHS number as someone hiding it might write it: each digit in any digit system,
 * any separators and invisible characters between digits, and letters glued to either end.
 */
export const obfuscatedNhsNumber: fc.Arbitrary<string> = fc
  .tuple(
    validNhsDigits,
    fc.array(fc.constantFrom(...ZEROS), { minLength: 10, maxLength: 10 }),
    fc.array(
      fc.tuple(
        fc.constantFrom(...SEPARATORS),
        fc.option(fc.constantFrom(...INVISIBLES), { nil: '' }),
      ),
      { minLength: 9, maxLength: 9 },
    ),
    fc.constantFrom('', 'NHS', 'nhs#', 'Pt ', 'pt:', 'see ', 'x'),
    fc.constantFrom('', 'x', 'NHS', ' seen today', '.', 'abc'),
  )
  .map(([digits, zeros, gaps, before, after]) => {
    let out = before;
    digits.forEach((d, i) => {
      out += String.fromCodePoint((zeros[i] as number) + d);
      const gap = gaps[i];
      if (gap) out += gap[0] + gap[1];
    });
    return out + after;
  });
