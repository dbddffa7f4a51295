export const PATHWAY_ERROR_CODES = [
  'NOT_AN_OBJECT',
  'MISSING_FIELD',
  'UNKNOWN_FIELD',
  'WRONG_TYPE',
  'EMPTY_VALUE',
  'INVALID_ID',
  'INVALID_VERSION',
  'INVALID_DATE',
  'INVALID_VALUE',
  'INVALID_NUMBER',
  'NON_INTEGER',
  'DUPLICATE_VALUE',
  'DUPLICATE_REQUIREMENT_ID',
  'UNKNOWN_REQUIREMENT_KIND',
  'NO_REQUIREMENTS',
  'UNKNOWN_PARAMETER',
  'UNSOURCED_LITERAL',
  'UNCONFIRMED_LITERAL',
  'CONFIRMED_WITHOUT_SOURCE',
  'INVALID_WINDOW',
  'DUPLICATE_COMPETENCY_ID',
  'UNKNOWN_COMPETENCY',
  'INVALID_SIGNATURE_SLOTS',
  'DUAL_SIGNOFF_WITHOUT_SLOTS',
] as const;
export type PathwayErrorCode = (typeof PATHWAY_ERROR_CODES)[number];

export interface PathwayValidationError {
  /** JSON Pointer (RFC 6901) to the offending value; "" is the document itself. */
  path: string;
  code: PathwayErrorCode;
  message: string;
}
