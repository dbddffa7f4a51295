/** RFC 9457's media type, the one every error of this API is served as. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Default code and title per status, for errors that carry no code of their own. */
export const STATUS_PROBLEMS: Readonly<Record<number, { code: string; title: string }>> = {
  400: { code: 'VALIDATION_FAILED', title: 'Bad Request' },
  401: { code: 'UNAUTHENTICATED', title: 'Unauthorized' },
  403: { code: 'FORBIDDEN', title: 'Forbidden' },
  404: { code: 'NOT_FOUND', title: 'Not Found' },
  405: { code: 'METHOD_NOT_ALLOWED', title: 'Method Not Allowed' },
  406: { code: 'NOT_ACCEPTABLE', title: 'Not Acceptable' },
  409: { code: 'WRONG_EXPECTED_VERSION', title: 'Conflict' },
  412: { code: 'PRECONDITION_FAILED', title: 'Precondition Failed' },
  413: { code: 'PAYLOAD_TOO_LARGE', title: 'Content Too Large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported Media Type' },
  422: { code: 'UNPROCESSABLE', title: 'Unprocessable Content' },
  429: { code: 'TOO_MANY_REQUESTS', title: 'Too Many Requests' },
  500: { code: 'INTERNAL', title: 'Internal Server Error' },
  503: { code: 'UNAVAILABLE', title: 'Service Unavailable' },
};

/** A stable URI per code, so clients can switch on `type` as well as on `code`. */
export function problemType(code: string): string {
  return `urn:inr-ledger:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function titleFor(status: number): string {
  return STATUS_PROBLEMS[status]?.title ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

export function codeFor(status: number): string {
  return STATUS_PROBLEMS[status]?.code ?? (status >= 500 ? 'INTERNAL' : 'CLIENT_ERROR');
}
