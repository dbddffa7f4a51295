import type { EventStore } from '@inr/event-store';
import { InMemoryEventStore } from '@inr/event-store/testing';

/** An in-memory store whose recorded times tick a second per append from 2025-01-01. */
export function testEventStore(): InMemoryEventStore {
  let clock = Date.parse('2025-01-01T00:00:00.000Z');
  return new InMemoryEventStore({ clock: () => new Date((clock += 1000)) });
}

/** Append n small training events, spread over a few streams. */
export async function seed(store: EventStore, n: number, offset = 0): Promise<void> {
  for (let i = offset; i < offset + n; i++) {
    await store.append(`trainee-${i % 3}`, [
      {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        type: i % 2 === 0 ? 'ProcedureLogged' : 'SupervisorSignedOff',
        data: { procedure: 'thrombectomy', tici: '2b', n: i, note: `é€ ${i}` },
        metadata: { by: 'test' },
      },
    ]);
  }
}
