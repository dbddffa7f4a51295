import { evaluate, validatePathway, type Evaluation } from '@inr/policy';
import type { JsonObject } from '@inr/domain';
import { ReadModels } from '../read-models';
import { InMemoryEventStore } from '@inr/event-store/testing';
import { LedgerBuilder } from '../testing/ledger-builder';
import { tempDir } from '../testing/temp-dir';
import { testPathwayDocument } from '../testing/test-pathway';

/**
 * A decision is recorded on 4 signed-off cases; afterwards one case is amended (withdrawing
 * its sign-off), one retracted, the signer's accreditation revoked and a stricter pathway
 * version published. The past must stay as it was; the present must show the changes.
 */
describe('time travel, provenance and replay around a credential decision', () => {
  let clock = Date.parse('2025-05-01T09:00:00.000Z');
  const store = new InMemoryEventStore({ clock: () => new Date((clock += 60_000)) });
  const b = new LedgerBuilder(store);
  const dir = tempDir();
  let models: ReadModels;
  let decisionPosition = 0;
  let decisionRecordedAt = '';
  let recorded: Evaluation;

  beforeAll(async () => {
    await b.accredit('sup-1');
    await b.publishPolicy('test-mt', '1.0.0', testPathwayDocument('1.0.0', 3), 'hash-v1');
    await b.enrol('tr-1', 'trust-a', ['test-mt']);
    for (const c of ['c1', 'c2', 'c3', 'c4']) {
      await b.logCase(c, 'tr-1', { performedOn: '2025-03-0' + c.slice(1) });
      await b.signOff(c, 'tr-1');
    }
    await b.apply('app-1', 'tr-1', 'test-mt', '1.0.0');
    const ledgerSize = await store.count();
    const pathway = validatePathway(testPathwayDocument('1.0.0', 3));
    if (!pathway.ok) throw new Error('test pathway invalid');
    recorded = evaluate(pathway.pathway, 'tr-1', await store.readAll(), {
      evaluatedOn: '2025-05-02',
    });
    const result = await b.decide({
      applicationId: 'app-1',
      decisionId: 'dec-1',
      traineeId: 'tr-1',
      outcome: 'granted',
      pathwayId: 'test-mt',
      pathwayVersion: '1.0.0',
      pathwayHash: 'hash-v1',
      ledgerSize,
      evaluation: recorded as unknown as JsonObject,
      reasons: 'meets the pathway',
      panelMemberId: 'panel-1',
      decidedOn: '2025-05-02',
    });
    decisionPosition = result.firstPosition;
    decisionRecordedAt = (await store.readAll({ fromPosition: decisionPosition, maxCount: 1 }))[0]!
      .recordedAt;
    clock += 86_400_000; // the changes come a day later
    await b.amend('c1', 'tr-1', { operatorRole: 'primary-supervised', notes: 'typo' }, true);
    await b.retract('c2', 'tr-1');
    await b.revokeAccreditation('sup-1');
    await b.publishPolicy('test-mt', '2.0.0', testPathwayDocument('2.0.0', 3), 'hash-v2');
    models = ReadModels.open(store, dir.path, { batchSize: 5 });
    models.start();
    await models.runner.waitFor(await store.count());
  });

  afterAll(async () => {
    await models.close();
    dir.remove();
  });

  it('replays the decision to its recorded bytes despite later amendments and retractions', async () => {
    const replay = await models.replay('dec-1', 'recorded');
    expect(replay).toMatchObject({
      identical: true,
      pathwayVersion: '1.0.0',
      pathwayHashMatches: true,
    });
    expect(JSON.stringify(replay!.replayed)).toBe(JSON.stringify(recorded));
    expect(replay!.diff.requirements).toEqual([]);
  });

  it('under=latest shows what changed since: two cases no longer count', async () => {
    const replay = await models.replay('dec-1', 'latest');
    expect(replay).toMatchObject({ identical: false, pathwayVersion: '2.0.0' });
    const [requirement] = replay!.diff.requirements;
    expect(requirement!.fields).toContainEqual({ field: 'achieved', recorded: 4, replayed: 2 });
    expect(requirement!.fields).toContainEqual({ field: 'met', recorded: true, replayed: false });
    const counted = requirement!.idLists.find((l) => l.field === 'countedEventIds')!;
    expect(counted.onlyInRecorded).toHaveLength(2);
    expect(counted.onlyInReplayed).toEqual([]);
  });

  it('provenance lists what the decision stood on and what changed after it', async () => {
    const provenance = (await models.provenance('dec-1'))!;
    const roles = provenance.events.map((e) => e.role);
    expect(roles.filter((r) => r === 'counted')).toHaveLength(4);
    expect(roles).toEqual(expect.arrayContaining(['pathway', 'application', 'supporting']));
    expect(provenance.missingEventIds).toEqual([]);
    const logged = (caseId: string) =>
      provenance.events.find((e) => e.type === 'CaseLogged' && e.streamId === `case-${caseId}`)!;
    expect(logged('c1').laterChanges.map((c) => c.change)).toEqual([
      'sign-off-withdrawn',
      'signer-accreditation-revoked',
    ]);
    expect(logged('c2').laterChanges.map((c) => c.change)).toEqual([
      'retracted',
      'signer-accreditation-revoked',
    ]);
    expect(logged('c3')).toMatchObject({
      performedOn: '2025-03-03',
      actor: { subject: 'tr-1', role: 'trainee' },
    });
    expect(logged('c3').laterChanges.map((c) => c.change)).toEqual([
      'signer-accreditation-revoked',
    ]);
    for (const e of provenance.events)
      expect(e.position).toBeLessThan(provenance.decision.position);
  });

  it('trainee status as of the decision matches the recorded evaluation; now it does not', async () => {
    const then = (await models.traineeStatus({ traineeId: 'tr-1', asOf: decisionPosition }))!;
    const thenEval = then.pathways[0]!;
    expect(thenEval).toMatchObject({ pathwayVersion: '1.0.0' });
    expect('evaluation' in thenEval && thenEval.evaluation.requirements[0]).toMatchObject({
      achieved: 4,
      met: true,
    });
    const byTime = (await models.traineeStatus({ traineeId: 'tr-1', asOf: decisionRecordedAt }))!;
    expect(byTime.ledgerSize).toBe(decisionPosition + 1);
    const now = (await models.traineeStatus({ traineeId: 'tr-1' }))!;
    expect(now.pathways[0]).toMatchObject({ pathwayVersion: '2.0.0' });
    expect(
      'evaluation' in now.pathways[0]! && now.pathways[0].evaluation.requirements[0],
    ).toMatchObject({
      achieved: 2,
      met: false,
    });
    const performedBy = (await models.traineeStatus({
      traineeId: 'tr-1',
      asOf: decisionPosition,
      performedBy: '2025-03-02',
    }))!;
    expect(
      'evaluation' in performedBy.pathways[0]! &&
        performedBy.pathways[0].evaluation.requirements[0],
    ).toMatchObject({
      achieved: 2,
    });
  });

  it('the registry and the audit as of the decision do not show the later amendment and retraction', async () => {
    const then = await models.cases({ traineeId: 'tr-1', asOf: decisionPosition });
    expect(then.cases.map((c) => [c.caseId, c.signOff])).toEqual([
      ['c1', 'signed-off'],
      ['c2', 'signed-off'],
      ['c3', 'signed-off'],
      ['c4', 'signed-off'],
    ]);
    const now = await models.cases({ traineeId: 'tr-1' });
    expect(now.cases.map((c) => [c.caseId, c.signOff])).toEqual([
      ['c1', 'withdrawn'],
      ['c3', 'signed-off'],
      ['c4', 'signed-off'],
    ]);
    const nowInMemory = await models.cases({ traineeId: 'tr-1', asOf: await store.count() });
    expect(nowInMemory.cases).toEqual(now.cases);
    const auditThen = await models.audit({ institutionId: 'trust-a', asOf: decisionRecordedAt });
    const auditNow = await models.audit({ institutionId: 'trust-a' });
    const cases = (r: typeof auditNow) =>
      r.rows.find(
        (row) => row.procedure === 'mechanical-thrombectomy' && row.metric === 'procedures',
      )!.count;
    expect([cases(auditThen), cases(auditNow)]).toEqual([4, 3]);
  });
});
