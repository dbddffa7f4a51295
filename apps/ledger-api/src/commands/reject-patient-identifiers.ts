import type { FastifyRequest } from 'fastify';
import { findPatientIdentifiers, type PatientIdentifierFinding } from '@inr/domain';
import { unprocessable } from '../platform/problem/problem.exception';

const KIND_LABEL: Record<string, string> = {
  'nhs-number': 'appears to contain an NHS number',
  'date-of-birth': 'appears to contain a date of birth',
  'hospital-number': 'appears to contain a hospital number',
};

/**
 * Patient identifiers never reach the ledger: the whole body and the path are scanned before
 * validation or any read, and the request is refused with PATIENT_IDENTIFIER_REJECTED naming
 * the fields (never the values).
 */
export function rejectPatientIdentifiers(request: FastifyRequest): void {
  const findings = [...scan(request.body ?? {}, ''), ...scan(request.params ?? {}, 'path')];
  if (findings.length > 0) {
    throw unprocessable(
      'PATIENT_IDENTIFIER_REJECTED',
      'the request appears to hold a patient identifier; use the pseudonymous local reference',
      findings.slice(0, 20).map((f) => ({ field: f.path, message: KIND_LABEL[f.kind] ?? f.kind })),
    );
  }
}

// Every identifier findPatientIdentifiers reports needs ten ASCII digits (an NHS number) or one
// of these labels (date of birth, hospital number), so a string with neither cannot hold one.
const LABEL = /d\.o\.b|dob|born|birth|mrn|hospital/i;

function mayHoldIdentifier(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && ++digits >= 10) return true;
  }
  return LABEL.test(text);
}

/**
 * findPatientIdentifiers(value, path) with the same findings in the same order, but the
 * domain's regular expressions only run on strings (values and keys) that could match.
 */
function scan(value: unknown, path: string): PatientIdentifierFinding[] {
  if (typeof value === 'string')
    return mayHoldIdentifier(value) ? findPatientIdentifiers(value, path) : [];
  if (Array.isArray(value)) {
    const out: PatientIdentifierFinding[] = [];
    for (let i = 0; i < value.length; i++) {
      for (const finding of scan(value[i], `${path}[${i}]`)) out.push(finding);
    }
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    const out: PatientIdentifierFinding[] = [];
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (mayHoldIdentifier(key)) for (const f of findPatientIdentifiers(key, at)) out.push(f);
      for (const finding of scan(item, at)) out.push(finding);
    }
    return out;
  }
  return [];
}
