import type { EventStore, RecordedEvent } from '@inr/event-store';

const PAGE = 5000;

/** Every event in ledger order, a page at a time (memory stays flat on a large ledger). */
export async function scanLedger(
  store: EventStore,
  onEvent: (event: RecordedEvent) => void,
  onProgress?: (read: number, total: number) => void,
): Promise<number> {
  const total = await store.count();
  for (let from = 0; from < total; from += PAGE) {
    const page = await store.readAll({
      fromPosition: from,
      maxCount: Math.min(PAGE, total - from),
    });
    for (const event of page) onEvent(event);
    onProgress?.(Math.min(from + PAGE, total), total);
  }
  return total;
}
