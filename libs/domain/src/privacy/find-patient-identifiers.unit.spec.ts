import { findPatientIdentifiers, rejectPatientIdentifiers } from './find-patient-identifiers';
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

  it('digits inside hashes or longer ids do not count as NHS numbers', () => {
    expect(findPatientIdentifiers({ hash: 'ab9434765919cd', id: '19434765919' })).toEqual([]);
  });

  it('a date of birth after its label is found in free text', () => {
    for (const text of [
      'DOB 12/03/1950',
      'D.O.B.: 12.03.1950',
      'date of birth 1950-03-12',
      'patient born on 12 March 1950',
    ]) {
      expect(findPatientIdentifiers({ details: { indication: text } })).toEqual([
        { path: 'details.indication', kind: 'date-of-birth' },
      ]);
    }
  });

  it('a label without a date is not a date of birth', () => {
    expect(findPatientIdentifiers({ notes: 'DOB not recorded here' })).toEqual([]);
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
