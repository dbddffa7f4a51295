import { SyncPostgres } from '@inr/ledger';
import { InMemoryEventStore } from '@inr/event-store/testing';
import {
  documentProjection,
  PostgresReadModelDb,
  ProjectionRunner,
  ReadModels,
  readVersions,
  rebuildShared,
  type RunnerOptions,
} from '@inr/projections';
import { dumpReadModels } from '../../libs/projections/src/testing/dump-read-models';
import { writeSampleLedger } from '../../libs/projections/src/testing/sample-ledger';
import { tempDir } from '../../libs/projections/src/testing/temp-dir';
import {
  findPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres';
import { versionSwitchContract } from './read-model-version-switch.contract';

/** pg_locks row of the read models' lead lock (a bigint key: objid holds it, objsubid 1). */
const LEADER_PID = `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 0
  AND objid = ${0x696e7211} AND objsubid = 1 AND granted`;

/**
 * The read models in PostgreSQL (DATABASE_URL): the same rows and answers as the SQLite file,
 * and, with two replicas on one database, each event applied once, by whichever holds the lead.
 */
const found = findPostgres();
if ('skip' in found) {
  describe.skip(`read models on PostgreSQL — skipped: ${found.skip}`, () => {
    it('needs PostgreSQL', () => undefined);
  });
} else {
  describe('read models on PostgreSQL, shared by replicas', () => {
    let server: ThrowawayPostgres;
    const opened: ReadModels[] = [];
    const dirs: ReturnType<typeof tempDir>[] = [];
    beforeAll(async () => {
      server = await startThrowawayPostgres();
    }, 60_000);
    afterAll(async () => {
      for (const models of opened) await models.close().catch(() => undefined);
      for (const dir of dirs) dir.remove();
      await server?.stop();
    });
    const shared = async (
      store: InMemoryEventStore,
      url: string,
      options: RunnerOptions = {},
    ): Promise<ReadModels> => {
      const models = await ReadModels.openShared(store, url, options);
      opened.push(models);
      return models;
    };
    const embedded = (store: InMemoryEventStore): ReadModels => {
      const dir = tempDir();
      dirs.push(dir);
      const models = ReadModels.open(store, dir.path);
      opened.push(models);
      return models;
    };

    it('hold the same rows as the SQLite file and answer every query the same', async () => {
      const store = new InMemoryEventStore();
      await writeSampleLedger(store, 4, 12);
      const url = await server.createDatabase('inr_rm');
      const pg = await shared(store, url, { batchSize: 7 });
      const lite = embedded(store);
      pg.start();
      lite.start();
      await writeSampleLedger(store, 2, 5, 'late');
      const total = await store.count();
      await Promise.all([pg.runner.waitFor(total), lite.runner.waitFor(total)]);

      const dumped = dumpReadModels(pg.db);
      expect(Object.keys(dumped).length).toBeGreaterThan(8);
      expect(dumped).toEqual(dumpReadModels(lite.db));
      for (const row of readVersions(pg.db)) expect(row.applied).toBe(row.checkpoint);

      const answers = async (models: ReadModels): Promise<unknown[]> => [
        await models.cases({}),
        await models.cases({
          institutionId: 'trust-b',
          signOff: 'signed-off',
          limit: 5,
          offset: 2,
        }),
        await models.cases({ traineeId: 'tr-1', asOf: Math.floor(total / 2) }),
        await models.traineeStatus({ traineeId: 'tr-0', today: '2025-12-01' }),
        await models.traineeStatus({ traineeId: 'late-1', asOf: total - 3, today: '2025-12-01' }),
        models.supervisorQueue('sup-1'),
        models.workforce(),
        models.workforce('trust-a'),
        await models.audit({ institutionId: 'trust-a', from: '2025-01-01', to: '2025-12-31' }),
        await models.logbook('tr-2'),
        models.pendingApplications({ today: '2025-12-01' }),
        models.reviewQueue(),
      ];
      const fromPostgres = await answers(pg);
      expect(JSON.stringify(fromPostgres)).toContain('tr-1-c');
      expect(fromPostgres).toEqual(await answers(lite));

      // `inr-ledger rebuild` on PostgreSQL: refused while a replica applies, then from scratch.
      await expect(rebuildShared(store, url)).rejects.toThrow('stop it first');
      await pg.close();
      const progress: number[] = [];
      const rebuilt = await rebuildShared(store, url, {
        commitEvery: 50,
        onProgress: (done) => progress.push(done),
      });
      expect(rebuilt.events).toBe(total);
      expect(progress.length).toBeGreaterThan(2);
      expect(progress[progress.length - 1]).toBe(total);
      const reopened = await shared(store, url);
      expect(dumpReadModels(reopened.db)).toEqual(dumpReadModels(lite.db));
    });

    it('a projection version bump builds new tables beside the active ones, then switches', async () => {
      const store = new InMemoryEventStore();
      await writeSampleLedger(store, 2, 6);
      const total = await store.count();
      const db = await PostgresReadModelDb.open(await server.createDatabase('inr_rm'));
      const eventTypes = (version: number, prefix: string) =>
        documentProjection<{ type: string; n: number }>({
          name: 'event-types',
          version,
          fold: {
            keyOf: (e) => (e.type.startsWith(prefix) ? e.type : undefined),
            evolve: (doc, e) => ({ type: e.type, n: (doc?.n ?? 0) + 1 }),
          },
          columns: [{ name: 'n', type: 'INTEGER', value: (d) => d.n }],
        });
      const run = async (version: number, prefix: string, head: number): Promise<void> => {
        const runner = new ProjectionRunner(store, db, [eventTypes(version, prefix)], {
          batchSize: 10,
          coordination: db,
        });
        runner.start();
        await runner.waitFor(head);
        await runner.stop();
      };
      try {
        await run(1, '', total);
        await writeSampleLedger(store, 1, 3, 'late');
        const head = await store.count();
        await run(2, 'Case', head);
        expect(
          readVersions(db, 'event-types').map((r) => [r.version, r.status, r.checkpoint]),
        ).toEqual([
          [1, 'retired', total],
          [2, 'active', head],
        ]);
        const tables = db
          .prepare<[], { name: string }>(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'event_types%'",
          )
          .all();
        expect(tables).toEqual([{ name: 'event_types_v2' }]);
        const counted = db
          .prepare<[], { key: string; n: number }>('SELECT key, n FROM event_types_v2')
          .all();
        const cases = (await store.readAll()).filter((e) => e.type.startsWith('Case')).length;
        expect(counted.reduce((sum, row) => sum + row.n, 0)).toBe(cases);
      } finally {
        db.close();
      }
    });

    versionSwitchContract('PostgreSQL, a follower', async () => {
      const url = await server.createDatabase('inr_rm');
      const connections: PostgresReadModelDb[] = [];
      return {
        connect: async () => {
          const db = await PostgresReadModelDb.open(url);
          connections.push(db);
          return db;
        },
        disconnect: (db) => {
          connections.splice(connections.indexOf(db as PostgresReadModelDb), 1);
          db.close();
        },
        runnerOptions: (db) => ({ coordination: db as PostgresReadModelDb }),
        close: async () => {
          for (const db of connections) db.close();
        },
      };
    });

    it('two replicas: one applies each event once, the other follows; a replica that dies mid-batch hands over without double-applying', async () => {
      const store = new InMemoryEventStore();
      const url = await server.createDatabase('inr_rm');
      const admin = new SyncPostgres(url);
      try {
        let killAtBatch = -1;
        let batches = 0;
        const fast = { batchSize: 9, followPollMs: 10, leadRetryMs: 50 };
        // A retries the lead slowly once it lost it, so that B is the one taking over.
        const a = await shared(store, url, {
          ...fast,
          leadRetryMs: 2_000,
          hooks: {
            // "A dies" just before COMMIT: its connection (and lead lock) is cut by the server.
            beforeCommit: () => {
              if (++batches === killAtBatch)
                admin.query(
                  'SELECT pg_terminate_backend(pid) FROM pg_locks WHERE pid IN (' +
                    LEADER_PID +
                    ')',
                );
            },
          },
        });
        const b = await shared(store, url, fast);
        a.start();
        b.start();
        expect([a.runner.leading, b.runner.leading]).toEqual([true, false]);

        await writeSampleLedger(store, 3, 8);
        const first = await store.count();
        // B applies nothing, yet answers read-your-writes from A's committed checkpoint.
        await b.runner.waitFor(first);
        expect(b.runner.leading).toBe(false);
        expect(await b.cases({ traineeId: 'tr-2' })).toEqual(await a.cases({ traineeId: 'tr-2' }));

        killAtBatch = batches + 3;
        await writeSampleLedger(store, 3, 8, 'more');
        const head = await store.count();
        await Promise.all([a.runner.waitFor(head), b.runner.waitFor(head)]);
        expect(batches).toBeGreaterThanOrEqual(killAtBatch);
        expect([a.runner.leading, b.runner.leading]).toEqual([false, true]);
        expect(a.runner.state).toBe('running');
        expect(admin.query(LEADER_PID)).toHaveLength(1);

        // B's connection is cut while it idles: B still believes it leads, but the batch it
        // applies next cannot move the checkpoint without the lock, so it rolls back and the
        // lead passes to whichever replica takes the lock first.
        admin.query(`SELECT pg_terminate_backend(pid) FROM (${LEADER_PID}) AS leader`);
        await writeSampleLedger(store, 1, 4, 'last');
        const last = await store.count();
        await Promise.all([a.runner.waitFor(last), b.runner.waitFor(last)]);
        expect([a, b].filter((r) => r.runner.leading)).toHaveLength(1);
        expect(admin.query(LEADER_PID)).toHaveLength(1);

        // Each event applied exactly once across both replicas, and the tables equal a
        // build from scratch.
        for (const row of readVersions(b.db))
          expect(row).toMatchObject({ checkpoint: last, applied: last });
        const scratch = embedded(store);
        scratch.start();
        await scratch.runner.waitFor(last);
        expect(dumpReadModels(b.db)).toEqual(dumpReadModels(scratch.db));
      } finally {
        admin.close();
      }
    });
  });
}
