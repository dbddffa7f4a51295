import type { AddressInfo } from 'node:net';
import { ReadModels } from '@inr/projections';
import { runCli } from '../fault/ledger-cli-runner';
import {
  accreditation,
  daysAgo,
  enrolment,
  RVI,
  SALFORD,
  thrombectomyCase,
} from './support/fixtures';
import { call, startTestApp, type TestApp } from './support/test-app';

// The panel's week (issue 19): find the pending applications, vote as a panel of two, keep a
// conflicted member off the panel, and see a credential flagged for review, never changed,
// when a supervisor whose sign-offs it counted is revoked for cause. One app for the suite.
const ISSUER = 'e2e-panel-body';
const PATHWAY = {
  id: 'e2e-panel-pathway',
  version: '1.0.0',
  title: 'Thrombectomy operator, decided by a panel of two',
  issuingBody: 'E2E panel body',
  issuer: ISSUER,
  source: { citation: 'E2E credentialing policy', readOn: '2026-11-01' },
  status: 'local',
  parameters: {},
  panel: { quorum: 2, excludeTraineeInstitutions: true },
  requirements: [
    {
      id: 'mt-cases',
      kind: 'cases',
      description: 'Signed-off thrombectomies',
      target: { value: 2, confirmed: true, source: 'E2E credentialing policy' },
      filter: { procedures: ['mechanical-thrombectomy'], signedOff: true },
    },
  ],
};

describe('panel workflow', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let applicationId = '';

  const as = (who: string) => tokens[who] ?? '';
  const post = (who: string, url: string, body: unknown, key?: string) =>
    call(t.app, 'POST', url, body, { token: as(who), ...(key && { key }) });
  const get = async (who: string, url: string) => {
    // Read models follow the ledger asynchronously: read what was just written.
    await t.app.get(ReadModels).runner.waitFor(await t.store.count());
    return call(t.app, 'GET', url, undefined, { token: as(who) });
  };
  const ok = async (who: string, url: string, body: unknown) => {
    const res = await post(who, url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${res.text}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const people: [string, Parameters<TestApp['token']>][] = [
      ['admin', ['admin', 'adm-1']],
      ['publisher', ['accreditor', 'acc-1', RVI, '1h', ISSUER]],
      ['trainee', ['trainee', 'trn-pat']],
      ['supervisor', ['supervisor', 'sup-ann']],
      ['panelA', ['panel', 'pnl-a', SALFORD]],
      ['panelB', ['panel', 'pnl-b', SALFORD]],
      // The supervisor who signed the evidence, holding a panel token too.
      ['panelSupervisor', ['panel', 'sup-ann', SALFORD]],
      // A panel member from the trainee's own trust.
      ['panelRvi', ['panel', 'pnl-rvi', RVI]],
    ];
    for (const [name, args] of people) tokens[name] = await t.token(...args);

    await ok('publisher', `/v1/pathways/${PATHWAY.id}/versions`, {
      document: PATHWAY,
      changeNote: 'First publication',
    });
    await ok('admin', '/v1/trainees', enrolment('trn-pat', { pathwayIds: [PATHWAY.id] }));
    await ok('admin', '/v1/supervisors/sup-ann/accreditations', accreditation());
    for (const [i, day] of [12, 9].entries()) {
      const logged = await ok(
        'trainee',
        '/v1/cases',
        thrombectomyCase({ localRef: `MT-PANEL-${i}`, performedOn: daysAgo(day) }),
      );
      await ok('supervisor', `/v1/cases/${String(logged['id'])}/sign-off`, {});
    }
    applicationId = String(
      (
        await ok('trainee', '/v1/applications', {
          pathwayId: PATHWAY.id,
          pathwayVersion: PATHWAY.version,
        })
      )['id'],
    );
  });
  afterAll(() => t.close());

  const vote = (who: string, body: Record<string, unknown> = {}) =>
    post(who, `/v1/applications/${applicationId}/votes`, {
      outcome: 'granted',
      reasons: 'Both cases signed off; technique sound.',
      ...body,
    });

  it('the panel finds the pending application by pathway, institution and age', async () => {
    const list = await get(
      'panelA',
      `/v1/applications?pathwayId=${PATHWAY.id}&institutionId=${RVI}&maxAgeDays=1`,
    );
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      total: 1,
      applications: [{ applicationId, traineeId: 'trn-pat', institutionId: RVI, ageDays: 0 }],
    });
    const older = await get('panelA', `/v1/applications?minAgeDays=1`);
    expect(older.body['total']).toBe(0);
    const one = await get('panelA', `/v1/applications/${applicationId}`);
    expect(one.body).toMatchObject({
      status: 'awaiting-decision',
      panel: { quorum: 2, excludeTraineeInstitutions: true },
      votesToQuorum: 2,
      evaluation: { met: true, requirements: [{ id: 'mt-cases', achieved: 2, target: 2 }] },
    });
  });

  it('a conflicted member is refused with the rule, and nothing is written', async () => {
    const before = await t.store.count();
    const signer = await vote('panelSupervisor');
    expect([signer.status, signer.body['code']]).toEqual([422, 'PANEL_MEMBER_SIGNED_EVIDENCE']);
    const sameTrust = await vote('panelRvi');
    expect([sameTrust.status, sameTrust.body['code']]).toEqual([
      422,
      'PANEL_MEMBER_INSTITUTION_CONFLICT',
    ]);
    const alone = await post('panelA', `/v1/applications/${applicationId}/decisions`, {
      outcome: 'granted',
      reasons: 'Alone',
    });
    expect([alone.status, alone.body['code']]).toEqual([422, 'PANEL_VOTES_REQUIRED']);
    expect(await t.store.count()).toBe(before);
  });

  let decisionId = '';
  it('a panel of two reaches the quorum: the second vote records the decision naming both', async () => {
    const first = await vote('panelA');
    expect(first.status).toBe(201);
    expect(first.body['eventIds']).toHaveLength(1);
    expect((await get('panelA', `/v1/applications/${applicationId}`)).body).toMatchObject({
      status: 'awaiting-decision',
      votesToQuorum: 1,
      votes: [{ panelMemberId: 'pnl-a', outcome: 'granted' }],
    });
    expect((await vote('panelA')).body['code']).toBe('PANEL_MEMBER_ALREADY_VOTED');

    const second = await vote('panelB');
    expect(second.status).toBe(201);
    expect(second.body['eventIds']).toHaveLength(2);
    decisionId = String(second.body['id']);
    const decision = await get('panelB', `/v1/decisions/${decisionId}`);
    expect(decision.body).toMatchObject({
      decision: {
        outcome: 'granted',
        panelMemberId: 'pnl-b',
        concurringMemberIds: ['pnl-a', 'pnl-b'],
      },
      applicationStatus: 'granted',
      reviewFlags: [],
    });
    expect((await get('panelA', '/v1/applications')).body['total']).toBe(0);
    await ok('panelA', `/v1/applications/${applicationId}/credential`, {});
  });

  it('a revocation for cause flags the credential for review and changes nothing else', async () => {
    const revoked = await post('admin', '/v1/supervisors/sup-ann/revocations', {
      reason: 'Fitness to practise finding',
      forCause: true,
    });
    expect(revoked.status).toBe(201);
    const flagIds = revoked.body['flaggedForReview'] as string[];
    expect(flagIds).toHaveLength(1);

    const queue = await get('panelA', '/v1/reviews');
    expect(queue.body['flags']).toMatchObject([
      {
        flagId: flagIds[0],
        applicationId,
        decisionId,
        supervisorId: 'sup-ann',
        cause: 'signer-revoked-for-cause',
        requirementIds: ['mt-cases'],
        status: 'active',
        resolution: null,
      },
    ]);
    // What was decided stands, replayed byte for byte, beside what the flag puts in doubt.
    const replay = await get('panelA', `/v1/decisions/${decisionId}/replay`);
    expect(replay.body).toMatchObject({
      identical: true,
      recorded: { met: true },
      reviewFlags: [
        {
          flagId: flagIds[0],
          requirements: [
            {
              requirementId: 'mt-cases',
              achieved: 2,
              flagged: 2,
              achievedWithout: 0,
              metWithout: false,
            },
          ],
        },
      ],
    });
    expect((await get('panelA', `/v1/applications/${applicationId}`)).body['status']).toBe(
      'active',
    );

    const resolved = await post(
      'panelB',
      `/v1/applications/${applicationId}/reviews/${flagIds[0]}/resolution`,
      { resolution: 'credential-stands', reason: 'Cases re-reviewed by another INR.' },
    );
    expect(resolved.status).toBe(201);
    expect((await get('panelA', '/v1/reviews')).body['flags']).toEqual([]);
  });

  it('the command line asks the same questions of a running server', async () => {
    await t.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const server = ['--url', url, '--token', as('panelA')];
    const decision = await runCli(['decision', decisionId, ...server]);
    expect(decision).toMatchObject({ code: 0, err: '' });
    expect(decision.out).toContain(`${decisionId}: granted for trn-pat`);
    expect(decision.out).toContain('by pnl-a, pnl-b');
    const application = await runCli(['application', applicationId, '--json', ...server]);
    expect(JSON.parse(application.out)).toMatchObject({ applicationId, status: 'active' });
    const pending = await runCli(['applications', '--pathway', PATHWAY.id, ...server]);
    expect(pending.out).toMatch(/^0 pending/);
    // The server's authorisation applies: the trainee reads their own decision.
    const own = await runCli(['decision', decisionId, '--url', url, '--token', as('trainee')]);
    expect(own.code).toBe(0);
    const unknown = await runCli(['application', 'nope', ...server]);
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('404');
  });
});
