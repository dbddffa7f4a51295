// Test and bench doubles: imported as '@inr/event-store/testing', never from the production entry point.
export { InMemoryEventStore } from './in-memory-event-store';
export type { InMemoryEventStoreOptions } from './in-memory-event-store';
