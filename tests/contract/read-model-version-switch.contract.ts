import type { EventStore } from '@inr/event-store';
import { InMemoryEventStore } from '@inr/event-store/testing';
import {
  ProjectionRunner,
  PROJECTIONS,
  readModelContext,
  readVersions,
  type ReadModelDb,
  type RunnerOptions,
} from '@inr/projections';
import { writeSampleLedger } from '../../libs/projections/src/testing/sample-ledger';

/** One adapter's read models, fresh per call: how to reach them and how to apply events. */
export interface ReadModelsUnderTest {
  /**
   * A connection for a query or a runner. SQLite: the process's one connection, shared by its
   * queries and its runner; PostgreSQL: a new one per call (the leader and a follower).
   */
  connect(): Promise<ReadModelDb>;
  /** Done with a connection from connect() (PostgreSQL: closes it, freeing the lead lock). */
  disconnect(db: ReadModelDb): void;
  runnerOptions(db: ReadModelDb): RunnerOptions;
  close(): Promise<void>;
}

/**
 * A query that resolved a projection's active version, then awaits the ledger while a new
 * version of that projection is switched to (its old tables dropped), answers from the new
 * version's tables instead of failing. Run against every read-model adapter.
 */
export function versionSwitchContract(
  adapter: string,
  open: (store: EventStore) => Promise<ReadModelsUnderTest>,
): void {
  it(`${adapter}: a query racing a projection-version switch answers from the new version's tables`, async () => {
    const store = new InMemoryEventStore();
    await writeSampleLedger(store, 2, 4);
    const head = await store.count();
    const models = await open(store);
    try {
      const catchUp = async (projections = PROJECTIONS): Promise<void> => {
        const db = await models.connect();
        const runner = new ProjectionRunner(store, db, projections, models.runnerOptions(db));
        runner.start();
        await runner.waitFor(head);
        await runner.stop();
        models.disconnect(db);
      };
      await catchUp();
      // What trainee bundles and decision provenance read: a trainee's events, then the global ones.
      const keys = ['trainee:tr-0', 'global'];
      const serving = await models.connect();
      const expected = await readModelContext(store, serving).index.events(keys, head);
      expect(expected.map((e) => e.type)).toContain('SupervisorAccredited');

      // A new event-index version is deployed: built beside the old one, switched to, the old
      // tables dropped, while the query awaits its first events (it has resolved the old
      // version and read one of its tables).
      const bumped = PROJECTIONS.map((p) =>
        p.name === 'event-index' ? { ...p, version: p.version + 1 } : p,
      );
      let redeployed = false;
      const racing = new Proxy<EventStore>(store, {
        get(target, property, receiver) {
          if (property !== 'readPositions')
            return Reflect.get(target, property, receiver) as unknown;
          return async (positions: number[]) => {
            if (!redeployed) {
              await catchUp(bumped);
              redeployed = true;
            }
            return target.readPositions(positions);
          };
        },
      });
      const [before] = readVersions(serving, 'event-index');
      expect(before?.status).toBe('active');
      expect(await readModelContext(racing, serving).index.events(keys, head)).toEqual(expected);
      expect(redeployed).toBe(true);
      expect(readVersions(serving, 'event-index').map((r) => [r.version, r.status])).toEqual([
        [before!.version, 'retired'],
        [before!.version + 1, 'active'],
      ]);
    } finally {
      await models.close();
    }
  });
}
