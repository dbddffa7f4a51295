import { badRequest } from '../platform/problem/problem.exception';

/** Leaves one entries request may return: bounded memory and response size. */
export const MAX_ENTRIES = 1000;

/** Checkpoints one list request returns: by default, and at most. */
export const CHECKPOINT_PAGE = { default: 100, max: 1000 } as const;

/** `limit` of a checkpoint page: absent means the default; 1..max, or a 400. */
export function limitParam(raw: unknown): number {
  if (raw === undefined) return CHECKPOINT_PAGE.default;
  const limit = indexParam('limit', raw);
  if (limit < 1 || limit > CHECKPOINT_PAGE.max) {
    throw badRequest(
      'INVALID_LEDGER_PARAMETER',
      `'limit' must be between 1 and ${CHECKPOINT_PAGE.max}`,
    );
  }
  return limit;
}

/** A non-negative decimal integer query/path value, or a 400 naming the parameter. */
export function indexParam(name: string, raw: unknown): number {
  if (typeof raw !== 'string' || !/^(0|[1-9][0-9]{0,15})$/.test(raw)) {
    throw badRequest('INVALID_LEDGER_PARAMETER', `'${name}' must be a non-negative integer`);
  }
  const n = Number(raw);
  if (!Number.isSafeInteger(n))
    throw badRequest('INVALID_LEDGER_PARAMETER', `'${name}' is too large`);
  return n;
}

/** 400 unless `ok`: the request names positions the log does not (yet) have. */
export function requireRange(ok: boolean, detail: string): void {
  if (!ok) throw badRequest('LEDGER_RANGE', detail);
}
