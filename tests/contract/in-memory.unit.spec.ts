import { InMemoryEventStore } from '@inr/event-store/testing';
import { eventStoreContract } from './event-store.contract';

// The double tests and benches use keeps the port's promises like the real adapters.
eventStoreContract('in-memory', async () => new InMemoryEventStore());
