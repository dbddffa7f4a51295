import { DOMAIN_RULES_VERSION, type JsonObject } from '@inr/domain';
import { evaluate, validatePathway } from '@inr/policy';
import { InMemoryEventStore } from '@inr/event-store/testing';
import { ReadModels } from '../read-models';
import { LedgerBuilder, MT_DETAILS } from '../testing/ledger-builder';
import { tempDir } from '../testing/temp-dir';
import { testPathwayDocument } from '../testing/test-pathway';

/**
 * Evidence written before today's rules (docs/domain.md, "Evidence accepted under an older
 * rule"): a case whose final eTICI beats every pass, and 24 months recognised for 2 days. Both
 * keep counting; the status and the decision's provenance say which rules they predate.
 */
describe('evidence accepted under an older rule', () => {
  let clock = Date.parse('2025-05-01T09:00:00.000Z');
  const store = new InMemoryEventStore({ clock: () => new Date((clock += 60_000)) });
  const b = new LedgerBuilder(store);
  const dir = tempDir();
  let models: ReadModels;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await b.accredit('sup-1');
    await b.publishPolicy('test-mt', '1.0.0', testPathwayDocument('1.0.0', 2), 'hash-v1');
    await b.enrol('tr-1', 'trust-a', ['test-mt']);
    await b.logCase('c1', 'tr-1');
    await b.logCase('c2', 'tr-1', {
      performedOn: '2025-03-02',
      details: { ...MT_DETAILS, eticiByPass: ['0'], finalEtici: '3', times: {} },
    });
    for (const c of ['c1', 'c2']) await b.signOff(c, 'tr-1');
    await b.recogniseTime('tr-1', 24, '2025-01-01', '2025-01-02');
    for (const e of await store.readAll())
      if (e.type === 'CaseLogged' || e.type === 'TrainingTimeRecognised')
        ids[String(e.data['caseId'] ?? e.type)] = e.id;
    await b.apply('app-1', 'tr-1', 'test-mt', '1.0.0');
    const ledgerSize = await store.count();
    const pathway = validatePathway(testPathwayDocument('1.0.0', 2));
    if (!pathway.ok) throw new Error('test pathway invalid');
    const evaluation = evaluate(pathway.pathway, 'tr-1', await store.readAll(), {
      evaluatedOn: '2025-05-02',
    });
    await b.decide({
      applicationId: 'app-1',
      decisionId: 'dec-1',
      traineeId: 'tr-1',
      outcome: 'granted',
      pathwayId: 'test-mt',
      pathwayVersion: '1.0.0',
      pathwayHash: 'hash-v1',
      ledgerSize,
      evaluation: evaluation as unknown as JsonObject,
      reasons: 'meets the pathway',
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

  it('the old case keeps counting, and the status names the rule it predates and who counted it', async () => {
    const status = await models.traineeStatus({ traineeId: 'tr-1', today: '2025-05-02' });
    const progress = status!.pathways[0]!;
    expect('evaluation' in progress && progress.evaluation.requirements[0]).toMatchObject({
      achieved: 2,
      met: true,
    });
    expect(status!.rulesVersion).toBe(DOMAIN_RULES_VERSION);
    expect(status!.evidenceUnderOlderRules).toEqual([
      {
        eventId: ids['c2'],
        evidence: 'case',
        caseId: 'c2',
        acceptedUnderRulesVersion: 1,
        breaches: [
          expect.objectContaining({
            code: 'FINAL_ETICI_INCONSISTENT_WITH_PASSES',
            introducedIn: 2,
          }),
        ],
        countedBy: [{ pathwayId: 'test-mt', requirementId: 'mt-primary-signed' }],
      },
      {
        eventId: ids['TrainingTimeRecognised'],
        evidence: 'training-time',
        caseId: null,
        acceptedUnderRulesVersion: 1,
        breaches: [
          expect.objectContaining({ code: 'MONTHS_EXCEED_PERIOD' }),
          expect.objectContaining({ code: 'TRAINING_TIME_SOURCE_REQUIRED' }),
        ],
        countedBy: [],
      },
    ]);
  });

  it("the decision's provenance shows the counted case as accepted under rules version 1", async () => {
    const provenance = await models.provenance('dec-1');
    const byId = new Map(provenance!.events.map((e) => [e.eventId, e]));
    expect(byId.get(ids['c2']!)?.acceptedUnderOlderRule).toEqual({
      acceptedUnderRulesVersion: 1,
      breaches: [expect.objectContaining({ code: 'FINAL_ETICI_INCONSISTENT_WITH_PASSES' })],
    });
    expect(byId.get(ids['c1']!)?.acceptedUnderOlderRule).toBeNull();
  });

  it('an amendment that makes the case plausible clears the flag', async () => {
    await b.amend('c2', 'tr-1', { details: { ...MT_DETAILS, times: {} } }, true);
    await models.runner.waitFor(await store.count());
    const status = await models.traineeStatus({ traineeId: 'tr-1', today: '2025-05-02' });
    expect(status!.evidenceUnderOlderRules.map((e) => e.evidence)).toEqual(['training-time']);
  });
});
