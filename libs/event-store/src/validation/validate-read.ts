import type { Direction, ReadAllOptions, ReadStreamOptions } from '../port/event-store';
import { InvalidRead } from '../port/errors';

export interface ValidatedRead {
  direction: Direction;
  /** undefined: from the first (forwards) or the last (backwards) event. */
  from: number | undefined;
  /** undefined: no limit. */
  maxCount: number | undefined;
}

export function validateReadStream(options: ReadStreamOptions = {}): ValidatedRead {
  return validateRead(options.direction, options.fromRevision, options.maxCount, 'fromRevision');
}

export function validateReadAll(options: ReadAllOptions = {}): ValidatedRead {
  return validateRead(options.direction, options.fromPosition, options.maxCount, 'fromPosition');
}

/**
 * The positions readPositions should fetch: ascending, each once. Throws InvalidRead on anything
 * but an array of integers >= 0, so a stray string or NaN cannot reach a query as a wildcard.
 */
export function validatePositions(positions: unknown): number[] {
  if (!Array.isArray(positions)) throw new InvalidRead('positions must be an array');
  for (const position of positions as unknown[]) {
    if (!isNonNegativeInteger(position))
      throw new InvalidRead(`positions must be integers >= 0, not ${String(position)}`);
  }
  const sorted = (positions as number[]).slice().sort((a, b) => a - b);
  return sorted.filter((position, i) => i === 0 || position !== sorted[i - 1]);
}

function validateRead(
  direction: unknown,
  from: unknown,
  maxCount: unknown,
  fromName: string,
): ValidatedRead {
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidRead(`direction must be forwards or backwards, not ${String(direction)}`);
  }
  if (from !== undefined && !isNonNegativeInteger(from)) {
    throw new InvalidRead(`${fromName} must be an integer >= 0, not ${String(from)}`);
  }
  if (maxCount !== undefined && !isNonNegativeInteger(maxCount)) {
    throw new InvalidRead(`maxCount must be an integer >= 0, not ${String(maxCount)}`);
  }
  return { direction: direction ?? 'forwards', from, maxCount };
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
