import { PostgresEventStore } from '@inr/event-store';
import {
  findPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres';
import { killRounds } from './kill-rounds';

/** Fewer rounds than sqlite's 24: each also waits for a server connection, some for a restart. */
const PG_KILLS = 12;

const found = findPostgres();
if ('skip' in found) {
  describe.skip(`postgres event store under SIGKILL — skipped: ${found.skip}`, () => {
    it('needs PostgreSQL', () => undefined);
  });
} else {
  describe('postgres event store under SIGKILL, and under a server crash', () => {
    let server: ThrowawayPostgres;
    let url: string;
    beforeAll(async () => {
      server = await startThrowawayPostgres();
      url = await server.createDatabase('inr_kill');
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });

    it(`keeps every acknowledged append, gap-free, across ${PG_KILLS} kills (every third also crashes the server)`, async () => {
      let crashed = false;
      await killRounds(
        PG_KILLS,
        url,
        () => PostgresEventStore.connect({ url }),
        (n) => ({
          beforeReady: n % 6 === 5,
          armAtFirstAck: true,
          // Immediate shutdown: no checkpoint, recovery replays the WAL on restart.
          alsoCrash: n % 3 === 1 ? () => ((crashed = true), server.crash()) : undefined,
        }),
        () => {
          if (crashed) server.restart();
          crashed = false;
        },
      );
    }, 300_000);
  });
}
