import { ReadModels } from '../read-models';
import { InMemoryEventStore } from '@inr/event-store/testing';
import { LedgerBuilder } from '../testing/ledger-builder';
import { tempDir } from '../testing/temp-dir';

describe('supervisor queue and workforce', () => {
  it('lists cases waiting for the supervisor oldest first, including re-opened ones, and counts the workforce', async () => {
    let clock = Date.parse('2025-03-01T00:00:00.000Z');
    const store = new InMemoryEventStore({ clock: () => new Date((clock += 3_600_000)) });
    const b = new LedgerBuilder(store);
    await b.enrol('tr-1', 'trust-a', [], 'neurology', 'ST5');
    await b.enrol('tr-2', 'trust-b', [], 'neurology', 'ST5');
    await b.logCase('c1', 'tr-1'); // waits
    await b.logCase('c2', 'tr-1');
    await b.signOff('c2', 'tr-1'); // signed: not waiting
    await b.logCase('c3', 'tr-2', { institutionId: 'trust-b' });
    await b.dispute('c3', 'tr-2'); // disputed: waits for the trainee, not the supervisor
    await b.logCase('c4', 'tr-1', { supervisorId: 'sup-2' }); // another supervisor's
    await b.logCase('c5', 'tr-1');
    await b.retract('c5', 'tr-1'); // retracted: gone
    await b.amend('c2', 'tr-1', { supervisionLevel: 3 }, true); // sign-off withdrawn: waits again, newest
    await b.apply('app-1', 'tr-2', 'p', '1.0.0');
    await b.issue('app-1', 'cred-1', 'tr-2', 'p', '2025-06-01');
    const dir = tempDir();
    const models = ReadModels.open(store, dir.path);
    models.start();
    await models.runner.waitFor(await store.count());

    const queue = models.supervisorQueue('sup-1');
    expect(queue.items.map((i) => (i.kind === 'case' ? [i.caseId, i.signOff] : i))).toEqual([
      ['c1', 'awaiting'],
      ['c2', 'withdrawn'],
    ]);
    expect(queue.ledgerSize).toBe(await store.count());

    expect(models.workforce()).toMatchObject({
      traineesBySpecialtyAndStage: [{ specialty: 'neurology', stage: 'ST5', trainees: 2 }],
      credentialsGrantedPerYear: [{ year: '2025', credentials: 1 }],
      credentialedOperatorsPerInstitution: [{ institutionId: 'trust-b', operators: 1 }],
    });
    await models.close();
    dir.remove();
  });
});
