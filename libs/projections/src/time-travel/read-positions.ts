import type { EventStore } from '@inr/event-store';
import { toLedgerEvent, type LedgerEvent } from '../events/ledger-event';

/** The events at the given positions, ascending: one store call, not one read per position. */
export async function readPositions(
  store: EventStore,
  positions: readonly number[],
): Promise<LedgerEvent[]> {
  return (await store.readPositions(positions)).map(toLedgerEvent);
}

/** Every event with position in [from, to), read in pages, handed to `visit` in order. */
export async function scanRange(
  store: EventStore,
  from: number,
  to: number,
  visit: (event: LedgerEvent) => void,
  pageSize = 2000,
): Promise<void> {
  for (let next = from; next < to;) {
    const page = await store.readAll({
      fromPosition: next,
      maxCount: Math.min(pageSize, to - next),
    });
    if (page.length === 0) return;
    for (const event of page) visit(toLedgerEvent(event));
    next = page[page.length - 1]!.position + 1;
  }
}
