import type { EventStore } from './port/event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export type EventStoreConfig =
  | { kind: 'sqlite'; dataDir: string }
  | { kind: 'eventstoredb'; url: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

/** Opens the adapter the configuration names; network clients are loaded only when asked for. */
export async function openEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'sqlite':
      return SqliteEventStore.open({ dataDir: config.dataDir });
    case 'eventstoredb': {
      const { EventStoreDbStore } = await import('./eventstoredb/eventstoredb-store');
      return EventStoreDbStore.connect({ url: config.url });
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('./postgres/postgres-event-store');
      return PostgresEventStore.connect({ url: config.url, poolSize: config.poolSize });
    }
  }
}
