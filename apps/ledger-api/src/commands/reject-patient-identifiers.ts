import type { FastifyRequest } from 'fastify';
import { findPatientIdentifiers } from '@inr/domain';
import { unprocessable } from '../platform/problem/problem.exception';

const KIND_LABEL: Record<string, string> = {
  'nhs-number': 'appears to contain an NHS number',
  'date-of-birth': 'appears to contain a date of birth',
  'hospital-number': 'appears to contain a hospital number',
  name: "appears to contain a person's name",
};

/**
 * Patient identifiers never reach the ledger: the whole body and the path are scanned before
 * validation or any read, and the request is refused with PATIENT_IDENTIFIER_REJECTED naming
 * the fields (never the values). The domain's scan rules out most strings cheaply itself.
 * `signedMember`: a body member holding another ledger's signed, proven leaves (a trainee
 * bundle), verified before anything is kept: not text typed here, and its hashes and UUIDs
 * would read as identifiers. The rest of the body (the reason) is scanned as usual.
 */
export function rejectPatientIdentifiers(request: FastifyRequest, signedMember?: string): void {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const typed =
    signedMember === undefined || typeof body !== 'object' || Array.isArray(body)
      ? body
      : Object.fromEntries(Object.entries(body).filter(([k]) => k !== signedMember));
  const findings = [
    ...findPatientIdentifiers(typed),
    ...findPatientIdentifiers(request.params ?? {}, 'path'),
  ];
  if (findings.length > 0) {
    throw unprocessable(
      'PATIENT_IDENTIFIER_REJECTED',
      'the request appears to hold a patient identifier; use the pseudonymous local reference',
      findings.slice(0, 20).map((f) => ({ field: f.path, message: KIND_LABEL[f.kind] ?? f.kind })),
    );
  }
}
