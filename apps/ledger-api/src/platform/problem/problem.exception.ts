import { HttpException } from '@nestjs/common';

/** One field-level reason, as listed in a problem's `errors`. */
export interface FieldError {
  /** JSON-pointer-like path of the offending field, e.g. "details.eticiByPass.0". */
  field: string;
  message: string;
  /** The stable code of this field's refusal, when it has its own (a bulk item's rule). */
  code?: string;
}

/** RFC 9457 problem details with the ledger's stable `code`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  errors?: FieldError[];
}

/** An error the API raises on purpose; the filter renders it as problem+json with its code. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Sent as Retry-After: when a 429 or 503 is worth retrying, and how soon. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail, status);
    this.name = 'ProblemException';
  }
}

export const badRequest = (code: string, detail: string, errors?: FieldError[]): ProblemException =>
  new ProblemException(400, code, detail, errors);
export const unauthenticated = (detail: string, code = 'UNAUTHENTICATED'): ProblemException =>
  new ProblemException(401, code, detail);
export const forbidden = (detail: string): ProblemException =>
  new ProblemException(403, 'FORBIDDEN', detail);
export const notFound = (detail: string): ProblemException =>
  new ProblemException(404, 'NOT_FOUND', detail);
export const unprocessable = (
  code: string,
  detail: string,
  errors?: FieldError[],
): ProblemException => new ProblemException(422, code, detail, errors);
