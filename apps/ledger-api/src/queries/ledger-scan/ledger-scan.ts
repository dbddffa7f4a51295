import { Inject, Injectable } from '@nestjs/common';
import { isDomainEventType, upcastEvent, type DomainEvent } from '@inr/domain';
import type { EventStore, RecordedEvent } from '@inr/event-store';
import { EVENT_STORE } from '../../platform/store/tokens';

/** A recorded event with its payload brought to the current schema. */
export type ScannedEvent = RecordedEvent & { domain: DomainEvent };

/**
 * One stream's events, for the queries that show a record with its history. Listings come from
 * the read models: no route passes over the whole ledger.
 */
@Injectable()
export class LedgerScan {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async stream(streamId: string): Promise<ScannedEvent[]> {
    return (await this.store.readStream(streamId)).flatMap(withDomain);
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
