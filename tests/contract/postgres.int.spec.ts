import { PostgresEventStore } from '@inr/event-store';
import {
  findPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres';
import { eventStoreContract } from './event-store.contract';

/** The contract against a real PostgreSQL server started for this suite (fsync on). */
const found = findPostgres();

if ('skip' in found) {
  describe.skip(`postgres contract — skipped: ${found.skip}`, () => {
    it('needs PostgreSQL', () => undefined);
  });
} else {
  let server: ThrowawayPostgres;
  let url: string;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
    url = await server.createDatabase('inr_contract');
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  eventStoreContract('postgres', () => PostgresEventStore.connect({ url, pollMs: 200 }));
}
