import { HttpException } from '@nestjs/common';
import {
  IdempotencyConflict,
  InvalidAppend,
  InvalidRead,
  WrongExpectedVersion,
} from '@inr/event-store';
import { codeFor, problemType, titleFor } from './problem-codes';
import { ProblemException, type FieldError, type ProblemDetails } from './problem.exception';

interface RequestView {
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Maps anything thrown while serving a request to problem details; unknown errors become a bare 500. */
export function toProblem(exception: unknown, request: RequestView): ProblemDetails {
  const instance = request.url.split('?')[0] ?? '/';
  const make = (
    status: number,
    code: string,
    detail: string,
    errors?: FieldError[],
  ): ProblemDetails => ({
    type: problemType(code),
    title: titleFor(status),
    status,
    detail,
    code,
    instance,
    ...(errors && errors.length > 0 ? { errors } : {}),
  });

  if (exception instanceof ProblemException) {
    return make(exception.getStatus(), exception.code, exception.detail, exception.errors);
  }
  if (exception instanceof WrongExpectedVersion) {
    // With If-Match the client named the revision it saw: a mismatch is a failed precondition.
    return request.headers['if-match'] !== undefined
      ? make(412, 'PRECONDITION_FAILED', `${exception.streamId} is at revision ${exception.actual}`)
      : make(
          409,
          'WRONG_EXPECTED_VERSION',
          `${exception.streamId} changed concurrently; read it again and retry`,
        );
  }
  if (exception instanceof IdempotencyConflict) {
    return make(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'this Idempotency-Key was already used for another request',
    );
  }
  if (exception instanceof InvalidAppend || exception instanceof InvalidRead) {
    return make(400, 'VALIDATION_FAILED', exception.message);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const { detail, errors } = describeHttpException(exception);
    return make(status, codeFor(status), detail, errors);
  }
  return make(
    500,
    'INTERNAL',
    'an unexpected error occurred; it has been logged with the request id',
  );
}

function describeHttpException(exception: HttpException): {
  detail: string;
  errors?: FieldError[];
} {
  const body = exception.getResponse();
  if (typeof body === 'string') return { detail: body };
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) {
    return {
      detail: 'the request is invalid',
      errors: message.map((m) => ({ field: '', message: String(m) })),
    };
  }
  return { detail: typeof message === 'string' ? message : exception.message };
}
