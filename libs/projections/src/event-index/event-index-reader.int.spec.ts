import { InMemoryEventStore } from '@inr/event-store/testing';
import { ReadModels } from '../read-models';
import { LedgerBuilder } from '../testing/ledger-builder';
import { writeSampleLedger } from '../testing/sample-ledger';
import { tempDir } from '../testing/temp-dir';
import { indexKey } from './event-index-projection';

/**
 * The reader answers from the index up to its checkpoint and from the events past it (kept in
 * memory between queries): the answer must be the same whatever the lag, as a caught-up index
 * over the same ledger gives.
 */
describe('event index reader at any projection lag', () => {
  const store = new InMemoryEventStore();
  const b = new LedgerBuilder(store);
  const lagging = tempDir();
  const caughtUp = tempDir();
  let models: ReadModels;
  const keys = [
    [indexKey.trainee('tr-0')],
    [indexKey.trainee('tx-1')],
    [indexKey.institution('trust-a')],
    [indexKey.institution('trust-b'), indexKey.trainee('tr-1')],
    [indexKey.global],
  ];

  /** What a fresh index, caught up to the ledger, files under `keys` below `below`. */
  async function expected(query: readonly string[], below: number): Promise<number[]> {
    const fresh = ReadModels.open(store, caughtUp.path);
    fresh.start();
    await fresh.runner.waitFor(await store.count());
    const events = await fresh.context.index.events(query, below);
    await fresh.close();
    return events.map((e) => e.position);
  }

  async function actual(query: readonly string[], below: number): Promise<number[]> {
    return (await models.context.index.events(query, below)).map((e) => e.position);
  }

  beforeAll(async () => {
    await writeSampleLedger(store, 4, 6);
    models = ReadModels.open(store, lagging.path);
    models.start();
    await models.runner.waitFor(await store.count());
    // The runner stops; the ledger moves on: a case logged before it stopped is signed off
    // after (its institution comes from the index's table), new cases are logged and signed
    // off past it (their institution comes from the tail), an accreditation is added.
    await models.runner.stop();
    await b.signOff('tr-0-c1', 'tr-0', 'sup-2');
    await writeSampleLedger(store, 2, 4, 'tx');
    await b.accredit('sup-3', 'INR', ['trust-b']);
  });

  afterAll(async () => {
    await models.close();
    lagging.remove();
    caughtUp.remove();
  });

  it('answers every key as the caught-up index does, at the head and below it', async () => {
    const head = await store.count();
    expect(models.runner.checkpoint).toBeLessThan(head - 20);
    for (const query of keys) {
      for (const below of [head + 5, head, head - 7, models.runner.checkpoint + 3, 5]) {
        expect(await actual(query, below)).toEqual(await expected(query, below));
      }
    }
  });

  it('sees events appended after a query, and stays exact once the index moves on', async () => {
    await actual([indexKey.trainee('tr-0')], await store.count());
    await b.logCase('tr-0-late', 'tr-0', { institutionId: 'trust-b' });
    await b.signOff('tr-0-late', 'tr-0', 'sup-2');
    const head = await store.count();
    for (const query of keys)
      expect(await actual(query, head)).toEqual(await expected(query, head));

    // Concurrent queries while the index catches up drop nothing they need.
    models.start();
    const answers = await Promise.all(keys.map((query) => actual(query, head)));
    await models.runner.waitFor(head);
    await b.logCase('tr-0-later', 'tr-0', { institutionId: 'trust-a' });
    const after = await store.count();
    for (const [i, query] of keys.entries()) {
      expect(answers[i]).toEqual(await expected(query, head));
      expect(await actual(query, after)).toEqual(await expected(query, after));
    }
  });
});
