// placeholder, replaced below
export interface EventStoreDbStoreOptions { url: string }
export class EventStoreDbStore { static async connect(_o: EventStoreDbStoreOptions): Promise<never> { throw new Error('todo'); } }
