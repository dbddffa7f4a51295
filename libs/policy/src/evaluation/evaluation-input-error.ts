export type EvaluationInputErrorCode = 'INVALID_EVALUATED_ON' | 'INVALID_PERFORMED_BY';

/**
 * Thrown only for a caller's programming error (a malformed date option). Evidence problems are
 * never errors: they simply do not count.
 */
export class EvaluationInputError extends Error {
  constructor(
    readonly code: EvaluationInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationInputError';
  }
}
