import type { JsonObject } from '@inr/domain';
import { InMemoryEventStore } from '@inr/event-store/testing';
import { pathwayContentHash } from '@inr/ledger';
import { evaluate, findPathway } from '@inr/policy';
import { ReadModels } from '../read-models';
import { LedgerBuilder } from '../testing/ledger-builder';
import { tempDir } from '../testing/temp-dir';

/**
 * A decision recorded under a shipped version that a later release superseded (never published
 * in the ledger: the catalogue alone held it) replays to the same bytes, against that version
 * (docs/domain.md, "Versions of the shipped pathways").
 */
describe('a decision under an earlier shipped pathway version', () => {
  let clock = Date.parse('2025-05-01T09:00:00.000Z');
  const store = new InMemoryEventStore({ clock: () => new Date((clock += 60_000)) });
  const b = new LedgerBuilder(store);
  const dir = tempDir();
  let models: ReadModels;
  const earlier = findPathway('joint-commission-2019-maintenance', '1.0.0')!;

  beforeAll(async () => {
    await b.accredit('sup-1');
    await b.enrol('op-1', 'trust-a', [earlier.id], 'interventional-radiology', 'consultant');
    for (let day = 1; day <= 3; day++) {
      await b.logCase(`c${day}`, 'op-1', {
        performedOn: `2025-03-0${day}`,
        operatorRole: 'primary-independent',
        supervisionLevel: 4,
      });
      await b.signOff(`c${day}`, 'op-1');
    }
    await b.apply('app-1', 'op-1', earlier.id, '1.0.0');
    const ledgerSize = await store.count();
    const evaluation = evaluate(earlier, 'op-1', await store.readAll(), {
      evaluatedOn: '2025-05-02',
    });
    await b.decide({
      applicationId: 'app-1',
      decisionId: 'dec-1',
      traineeId: 'op-1',
      outcome: 'refused',
      pathwayId: earlier.id,
      pathwayVersion: '1.0.0',
      pathwayHash: pathwayContentHash(earlier),
      ledgerSize,
      evaluation: evaluation as unknown as JsonObject,
      reasons: 'three cases of fifteen',
      panelMemberId: 'panel-1',
      decidedOn: '2025-05-02',
    });
    models = ReadModels.open(store, dir.path);
    models.start();
    await models.runner.waitFor(await store.count());
  });

  afterAll(async () => {
    await models.close();
    dir.remove();
  });

  it('replays against 1.0.0 to the recorded bytes, while the current version is newer', async () => {
    expect(findPathway(earlier.id)?.version).toBe('1.1.0');
    const replay = await models.replay('dec-1', 'recorded');
    expect(replay).toMatchObject({ identical: true, pathwayVersion: '1.0.0' });
    expect(JSON.stringify(replay!.replayed)).toBe(JSON.stringify(replay!.recorded));
  });

  it('the status follows the current version', async () => {
    const status = await models.traineeStatus({ traineeId: 'op-1', today: '2025-05-02' });
    expect(status!.pathways[0]).toMatchObject({ pathwayVersion: '1.1.0', source: 'catalogue' });
  });
});
