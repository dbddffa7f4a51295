// Patient identifiers must never enter the ledger (docs/domain.md, "Patient data"), free text
// included: an immutable, replicated log cannot forget them. A case carries only a
// pseudonymous local reference. Findings name the field and the kind, never the value.
import { domainError, type DomainError } from '../shared/domain-error';
import { isValidNhsNumber } from './nhs-number';

export type PatientIdentifierKind = 'nhs-number' | 'date-of-birth' | 'hospital-number';

export interface PatientIdentifierFinding {
  /** Where in the value, e.g. "details.notes" or "changes.details.complications[0]". */
  path: string;
  kind: PatientIdentifierKind;
}

// Ten digits as 3-3-4, optionally split by spaces or dashes, not part of a longer alphanumeric
// run (so hashes and ids do not trip it). Only numbers with a valid check digit are identifiers.
const NHS_CANDIDATE = /(?<![A-Za-z0-9])\d{3}[ -]?\d{3}[ -]?\d{4}(?![A-Za-z0-9])/g;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE =
  `(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.\\- ]\\d{1,2}[/.\\- ]\\d{2,4}` +
  `|\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{2,4}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{2,4})`;
const DOB_LABEL = '(?:d\\.o\\.b\\.?|dob|date of birth|born on|born)';
const DATE_OF_BIRTH = new RegExp(
  `(?<![a-z])${DOB_LABEL}(?![a-z])\\s*(?:[:=#-]|is)?\\s*${DATE}`,
  'i',
);

// A label then an id-like token that holds at least one digit ("MRN: RX1234567").
const HOSPITAL_NUMBER =
  /(?<![a-z])(?:mrn|hospital\s+(?:number|no\.?|num\.?|#))(?![a-z])\s*(?:[:=#-]|is)?\s*(?=[a-z0-9/-]*\d)[a-z0-9][a-z0-9/-]{2,}/i;

function kindsIn(text: string): PatientIdentifierKind[] {
  const kinds: PatientIdentifierKind[] = [];
  for (const match of text.matchAll(NHS_CANDIDATE)) {
    if (isValidNhsNumber(match[0])) {
      kinds.push('nhs-number');
      break;
    }
  }
  if (DATE_OF_BIRTH.test(text)) kinds.push('date-of-birth');
  if (HOSPITAL_NUMBER.test(text)) kinds.push('hospital-number');
  return kinds;
}

/** Walks every string in `value` (object keys included) and reports each patient identifier found. */
export function findPatientIdentifiers(value: unknown, path = ''): PatientIdentifierFinding[] {
  if (typeof value === 'string') {
    return kindsIn(value).map((kind) => ({ path: path || '(value)', kind }));
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => findPatientIdentifiers(item, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      return [
        ...kindsIn(key).map((kind) => ({ path: at, kind })),
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
