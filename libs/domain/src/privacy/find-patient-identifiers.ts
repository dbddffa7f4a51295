// Patient identifiers must never enter the ledger (docs/domain.md, "Patient data"), free text
// included: an immutable, replicated log cannot forget them. A case carries only a
// pseudonymous local reference. Findings name the field and the kind, never the value.
// What is caught, and the false positives and negatives accepted: docs/domain.md.
import { domainError, type DomainError } from '../shared/domain-error';
import {
  DATE_OF_BIRTH,
  DOB_HINT,
  HOSPITAL_HINT,
  HOSPITAL_NUMBER,
  LABELLED_NAME,
  NAME_LABEL_HINT,
  TITLE_HINT,
  TITLED_NAME,
  wordsOf,
} from './identifier-patterns';
import { containsNhsNumber, countDigits } from './nhs-number';
import { normaliseForScan } from './normalise-for-scan';

export type PatientIdentifierKind = 'nhs-number' | 'date-of-birth' | 'hospital-number' | 'name';

export interface PatientIdentifierFinding {
  /** Where in the value, e.g. "details.notes" or "changes.details.complications[0]". */
  path: string;
  kind: PatientIdentifierKind;
}

/** Every kind of identifier in one string, after undoing obfuscation (normaliseForScan). */
export function identifierKindsIn(text: string): PatientIdentifierKind[] {
  // Runs on every string of every command, twice (API and decider): the cheap tests first.
  const kinds: PatientIdentifierKind[] = [];
  const clean = normaliseForScan(text);
  const digits = countDigits(clean, 10);
  if (digits >= 10 && containsNhsNumber(clean)) kinds.push('nhs-number');
  if (digits > 0) {
    const dob = DOB_HINT.test(clean);
    const hospital = HOSPITAL_HINT.test(clean);
    if (dob || hospital) {
      const words = wordsOf(clean);
      if (dob && DATE_OF_BIRTH.test(words)) kinds.push('date-of-birth');
      if (hospital && HOSPITAL_NUMBER.test(words)) kinds.push('hospital-number');
    }
  }
  if (
    (TITLE_HINT.test(clean) && TITLED_NAME.test(clean)) ||
    (NAME_LABEL_HINT.test(clean) && LABELLED_NAME.test(clean))
  )
    kinds.push('name');
  return kinds;
}

/** Walks every string in `value` (object keys included) and reports each patient identifier found. */
export function findPatientIdentifiers(value: unknown, path = ''): PatientIdentifierFinding[] {
  if (typeof value === 'string') {
    return identifierKindsIn(value).map((kind) => ({ path: path || '(value)', kind }));
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => findPatientIdentifiers(item, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      return [
        ...identifierKindsIn(key).map((kind) => ({ path: at, kind })),
        ...findPatientIdentifiers(item, at),
      ];
    });
  }
  return [];
}

const KIND_LABEL: Record<PatientIdentifierKind, string> = {
  'nhs-number': 'an NHS number',
  'date-of-birth': 'a date of birth',
  'hospital-number': 'a hospital number',
  name: "a person's name",
};

/** The first guard of every decider. */
export function rejectPatientIdentifiers(command: unknown): DomainError | undefined {
  const [first, ...rest] = findPatientIdentifiers(command);
  if (!first) return undefined;
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  return domainError(
    'PATIENT_IDENTIFIER_REJECTED',
    `Field '${first.path}' appears to contain ${KIND_LABEL[first.kind]}${more}. Patient identifiers ` +
      'must never enter the ledger; use the pseudonymous local reference.',
  );
}
