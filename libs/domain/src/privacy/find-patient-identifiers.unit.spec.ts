import fc from 'fast-check';
import {
  CLINICAL_TEXT,
  OBFUSCATED_IDENTIFIERS,
  obfuscatedNhsNumber,
} from '../testing/patient-identifiers';
import {
  findPatientIdentifiers,
  identifierKindsIn,
  rejectPatientIdentifiers,
} from './find-patient-identifiers';
import { isValidNhsNumber } from './nhs-number';

describe('patient identifiers never enter the ledger', () => {
  it('an NHS number with a valid check digit is recognised, however it is spaced', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    for (const text of ['9434765919', '943 476 5919', '943-476-5919', 'pt 943 476 5919 seen']) {
      expect(findPatientIdentifiers({ notes: text })).toEqual([
        { path: 'notes', kind: 'nhs-number' },
      ]);
    }
  });

  it('a ten-digit number with a bad check digit is not an NHS number and is allowed', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(findPatientIdentifiers({ notes: 'ref 943 476 5918' })).toEqual([]);
  });

  it('a check digit that works out as 10 makes the number invalid', () => {
    // 1,0,0,0,0,0,0,0,1 weighted 10..2: 10 + 2 = 12; 12 mod 11 = 1; 11 - 1 = 10 -> invalid.
    expect(isValidNhsNumber('1000000010')).toBe(false);
    expect(isValidNhsNumber('1000000011')).toBe(false);
  });

  it('a check digit that works out as 11 means 0', () => {
    // Nine zeros weigh 0; 0 mod 11 = 0; 11 - 0 = 11, which stands for a check digit of 0.
    expect(isValidNhsNumber('0000000000')).toBe(true);
    expect(isValidNhsNumber('0000000001')).toBe(false);
  });

  it('digits inside UUIDs and hex digests do not count; inside anything else they do', () => {
    const uuid = 'a1b2c3d4-0000-4000-8000-943476591900';
    const digest = '9434765919'.repeat(3) + 'abcdef';
    expect(findPatientIdentifiers({ id: uuid, hash: digest })).toEqual([]);
    expect(findPatientIdentifiers({ a: 'ab9434765919cd', b: '19434765919' })).toEqual([
      { path: 'a', kind: 'nhs-number' },
      { path: 'b', kind: 'nhs-number' },
    ]);
  });

  it.each(OBFUSCATED_IDENTIFIERS)(
    'finding 6: refuses an identifier hidden with %s',
    (_label, text, kind) => {
      expect(identifierKindsIn(text)).toContain(kind);
      expect(rejectPatientIdentifiers({ notes: text })?.code).toBe('PATIENT_IDENTIFIER_REJECTED');
    },
  );

  it('finding 6: refuses every generated obfuscation of a valid NHS number', () => {
    fc.assert(
      fc.property(obfuscatedNhsNumber, (text) => {
        expect(identifierKindsIn(text)).toContain('nhs-number');
      }),
      { numRuns: 5_000 },
    );
  });

  it.each(CLINICAL_TEXT)('lets clinical text through: %j', (text) => {
    expect(identifierKindsIn(text)).toEqual([]);
  });

  it('a date or a time run holding exactly ten digits is still tested', () => {
    // 1/2/1960 10:15 reads as 1219601015, which passes mod-11 only by chance: here it does not.
    expect(isValidNhsNumber('1219601015')).toBe(false);
    expect(identifierKindsIn('on 1/2/1960 10:15')).toEqual([]);
    // A valid number written as clock times cannot be waved through as "times".
    expect(isValidNhsNumber('1000190056')).toBe(true);
    expect(identifierKindsIn('at 1:00 0:19 00:56')).toContain('nhs-number');
    expect(identifierKindsIn('at 9:43, 4:76 5:919')).toContain('nhs-number');
  });

  it('a date of birth after its label is found in free text', () => {
    for (const text of [
      'DOB 12/03/1950',
      'D.O.B.: 12.03.1950',
      'date of birth 1950-03-12',
      'patient born on 12 March 1950',
      'DOB: Feb 1, 1960',
      'date of birth February 1960',
      'DOB (approx) 01021960',
    ]) {
      expect(findPatientIdentifiers({ details: { indication: text } })).toEqual([
        { path: 'details.indication', kind: 'date-of-birth' },
      ]);
    }
  });

  it('a label without a date is not a date of birth', () => {
    expect(findPatientIdentifiers({ notes: 'DOB not recorded here' })).toEqual([]);
  });

  it('a title or a name label followed by a name is a name; the title alone is not', () => {
    expect(findPatientIdentifiers({ notes: 'Mr John Smith, 67' })).toEqual([
      { path: 'notes', kind: 'name' },
    ]);
    expect(identifierKindsIn('Dr Patel supervised')).toEqual(['name']);
    expect(identifierKindsIn('Prof. J Smith')).toEqual(['name']);
    expect(identifierKindsIn('Surname: smith')).toEqual(['name']);
    expect(identifierKindsIn('Dr on call; MR imaging; Ms. review')).toEqual([]);
  });

  it('a hospital number after its label is found; the word alone is not', () => {
    expect(findPatientIdentifiers(['MRN: RX1234567', 'hospital number 00123456'])).toEqual([
      { path: '[0]', kind: 'hospital-number' },
      { path: '[1]', kind: 'hospital-number' },
    ]);
    expect(findPatientIdentifiers({ notes: 'hospital number withheld' })).toEqual([]);
  });

  it('walks nested arrays and objects and reports each path', () => {
    const found = findPatientIdentifiers({
      changes: { details: { notes: ['ok', 'NHS 943-476-5919'] } },
    });
    expect(found).toEqual([{ path: 'changes.details.notes[1]', kind: 'nhs-number' }]);
  });

  it('the refusal names the field but never echoes the identifier', () => {
    const error = rejectPatientIdentifiers({ notes: 'seen, DOB 12/03/1950, 943 476 5919' });
    expect(error?.code).toBe('PATIENT_IDENTIFIER_REJECTED');
    expect(error?.message).toContain("'notes'");
    expect(error?.message).not.toMatch(/5919|1950/);
  });

  it('ordinary clinical text passes', () => {
    expect(
      rejectPatientIdentifiers({
        notes: 'M1 occlusion, 2 passes, eTICI 2b67 at 10:48 on 2026-02-14; GMC 7012345',
      }),
    ).toBeUndefined();
  });
});
