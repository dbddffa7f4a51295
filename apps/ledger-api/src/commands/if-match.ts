import { ProblemException } from '../platform/problem/problem.exception';

/** Reads If-Match: `"<revision>"` (the ETag we send), `W/"<revision>"`, or `*`. */
export function parseIfMatch(header: string): number | 'any' {
  const value = header.trim();
  if (value === '*') return 'any';
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(value);
  if (!match?.[1]) {
    throw new ProblemException(
      412,
      'PRECONDITION_FAILED',
      'If-Match must be an ETag we sent, such as "3"',
    );
  }
  return Number(match[1]);
}
