import type { EventStore } from '@inr/event-store';

/** A bad query parameter (asOf, dates, ids); the API answers 400 with this message. */
export class InvalidQuery extends Error {
  readonly code = 'invalid-query';
}

/**
 * Turns `asOf` into a ledger size: the query sees events with position < size.
 * - a number (or digits) is a ledger position, read as a tree size and clamped to the head;
 * - an ISO time maps to the last event recorded at or before it (binary search: recorded
 *   times never decrease in global order), so the size is that position + 1;
 * - undefined means now.
 */
export async function resolveAsOf(
  store: EventStore,
  asOf: string | number | undefined,
): Promise<number> {
  const head = await store.count();
  if (asOf === undefined || asOf === '') return head;
  if (typeof asOf === 'number' || /^\d+$/.test(asOf)) {
    const size = Number(asOf);
    if (!Number.isSafeInteger(size) || size < 0)
      throw new InvalidQuery(`asOf must be a position >= 0, got ${asOf}`);
    return Math.min(size, head);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(asOf) || Number.isNaN(Date.parse(asOf)))
    throw new InvalidQuery(`asOf must be a ledger position or an ISO 8601 time, got ${asOf}`);
  const at = new Date(Date.parse(asOf)).toISOString();
  let low = 0;
  let high = head; // invariant: events below `low` are at or before `at`; from `high` on, after it
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const [event] = await store.readAll({ fromPosition: mid, maxCount: 1 });
    if (event !== undefined && event.recordedAt <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}
