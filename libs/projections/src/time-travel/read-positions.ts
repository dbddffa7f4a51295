import type { EventStore } from '@inr/event-store';
import { toLedgerEvent, type LedgerEvent } from '../events/ledger-event';

/** Reads events at the given ascending positions, one store read per run of consecutive positions. */
export async function readPositions(
  store: EventStore,
  positions: readonly number[],
): Promise<LedgerEvent[]> {
  const out: LedgerEvent[] = [];
  let i = 0;
  while (i < positions.length) {
    const start = positions[i]!;
    let end = i + 1;
    while (end < positions.length && positions[end] === start + (end - i)) end++;
    const run = await store.readAll({ fromPosition: start, maxCount: end - i });
    for (const event of run) out.push(toLedgerEvent(event));
    i = end;
  }
  return out;
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
