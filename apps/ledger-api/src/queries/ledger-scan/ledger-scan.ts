import { Inject, Injectable } from '@nestjs/common';
import { isDomainEventType, upcastEvent, type DomainEvent } from '@inr/domain';
import type { EventStore, RecordedEvent } from '@inr/event-store';
import { EVENT_STORE } from '../../platform/store/tokens';

const PAGE = 2048;

/** A recorded event with its payload brought to the current schema. */
export type ScannedEvent = RecordedEvent & { domain: DomainEvent };

/**
 * Plain reads for the simple queries: a stream, or a pass over $all. The projections' read
 * models are the scalable path; these stay correct (no cache to go stale) at O(ledger) cost.
 */
@Injectable()
export class LedgerScan {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async stream(streamId: string): Promise<ScannedEvent[]> {
    return (await this.store.readStream(streamId)).flatMap(withDomain);
  }

  async all(keep: (event: RecordedEvent) => boolean): Promise<ScannedEvent[]> {
    const out: ScannedEvent[] = [];
    for (let from = 0; ;) {
      const page = await this.store.readAll({ fromPosition: from, maxCount: PAGE });
      for (const event of page) if (keep(event)) out.push(...withDomain(event));
      if (page.length < PAGE) return out;
      from = (page[page.length - 1]?.position ?? from) + 1;
    }
  }
}

function withDomain(event: RecordedEvent): ScannedEvent[] {
  return isDomainEventType(event.type) ? [{ ...event, domain: upcastEvent(event) }] : [];
}

/** What a query shows of one recorded event: never more than the ledger holds. */
export function describeEvent(event: ScannedEvent): Record<string, unknown> {
  const actor = (event.metadata as { actor?: unknown }).actor;
  return {
    eventId: event.id,
    type: event.type,
    revision: event.revision,
    position: event.position,
    recordedAt: event.recordedAt,
    data: event.domain.data,
    ...(actor ? { actor } : {}),
  };
}
