// Business failures are values, never thrown: the API maps each to 422 (or 403 for the
// FORBIDDEN_CODES) with the code verbatim, so codes are part of the public contract.

export const DOMAIN_ERROR_CODES = [
  // any command
  'PATIENT_IDENTIFIER_REJECTED',
  'ROLE_NOT_PERMITTED',
  'ACTOR_MISMATCH',
  'INVALID_DATE',
  'DATE_IN_FUTURE',
  'INVALID_PERIOD',
  'REASON_REQUIRED',
  'INVALID_VALUE',
  // trainee
  'TRAINEE_NOT_ENROLLED',
  'TRAINEE_ALREADY_ENROLLED',
  'TRANSFER_TO_SAME_INSTITUTION',
  'DATE_BEFORE_ENROLMENT',
  'ASSESSMENT_ALREADY_RECORDED',
  'SELF_ASSESSMENT_NOT_ALLOWED',
  'CANNOT_SIGN_OWN_COMPETENCY',
  'SIGNER_NOT_ELIGIBLE',
  'SIGNER_NOT_ACCREDITED_AT_INSTITUTION',
  'COMPETENCY_ALREADY_SIGNED_BY_SIGNER',
  'MT_FINAL_SIGNOFF_INR_ALREADY_SIGNED',
  'MT_FINAL_SIGNOFF_MEDICAL_DIRECTOR_ALREADY_SIGNED',
  'MT_FINAL_SIGNOFF_NEEDS_PRINCIPAL_MEDICAL_DIRECTOR',
  // case
  'CASE_ALREADY_LOGGED',
  'CASE_NOT_FOUND',
  'CASE_RETRACTED',
  'CASE_ALREADY_SIGNED_OFF',
  'CASE_DETAILS_MISMATCH',
  'PERFORMED_DATE_IN_FUTURE',
  'PERFORMED_BEFORE_ENROLMENT',
  'OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION',
  'NOTHING_TO_AMEND',
  'NOT_CASE_OWNER',
  'CANNOT_SIGN_OWN_CASE',
  'SUPERVISOR_NOT_ACCREDITED_ON_DATE',
  'SUPERVISOR_NOT_ACCREDITED_FOR_PROCEDURE',
  'SUPERVISOR_NOT_ACCREDITED_AT_INSTITUTION',
  // supervisor
  'INVALID_GMC_NUMBER',
  'GMC_NUMBER_MISMATCH',
  'SUPERVISOR_NOT_ACCREDITED',
  // pathway
  'INVALID_PATHWAY_VERSION',
  'INVALID_CONTENT_HASH',
  'PATHWAY_DOCUMENT_MISMATCH',
  'PATHWAY_VERSION_ALREADY_PUBLISHED',
  'PATHWAY_VERSION_NOT_INCREASING',
  'PATHWAY_VERSION_NOT_PUBLISHED',
  // credential application
  'APPLICATION_ALREADY_SUBMITTED',
  'APPLICATION_NOT_FOUND',
  'CANNOT_DECIDE_OWN_APPLICATION',
  'DECISION_PATHWAY_MISMATCH',
  'PATHWAY_HASH_MISMATCH',
  'INVALID_LEDGER_SIZE',
  'EVALUATION_MALFORMED',
  'OVERRIDE_REASON_REQUIRED',
  'OVERRIDE_NOT_APPLICABLE',
  'DECISION_ALREADY_RECORDED',
  'CREDENTIAL_NOT_GRANTED',
  'CREDENTIAL_ALREADY_ISSUED',
  'CREDENTIAL_NOT_ACTIVE',
  'CREDENTIAL_NOT_SUSPENDED',
  'CREDENTIAL_REVOKED',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Codes that mean "you may not do this" rather than "this is not valid": the API may answer 403. */
export const FORBIDDEN_CODES: readonly DomainErrorCode[] = ['ROLE_NOT_PERMITTED', 'ACTOR_MISMATCH'];

export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
}

export function domainError(code: DomainErrorCode, message: string): DomainError {
  return { code, message };
}

export function isDomainError(value: unknown): value is DomainError {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
