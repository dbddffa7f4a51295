import pathwayDocument from '../../libs/policy/src/catalogue/illustrative-esmint-cast.json';
import {
  accreditation,
  daysAgo,
  enrolment,
  RVI,
  SALFORD,
  thrombectomyCase,
} from './support/fixtures';
import { call, startTestApp, type CallResult, type TestApp } from './support/test-app';

// Issue 11's attacks on who may write (and read) what, each replayed against the API: every
// attempt is refused with the rule's code, and a refused write leaves the ledger as it was.
describe('write authorisation (issue 11)', () => {
  let t: TestApp;
  let admin = '';

  const post = (token: string, url: string, body: unknown): Promise<CallResult> =>
    call(t.app, 'POST', url, body, { token });
  const get = (token: string, url: string): Promise<CallResult> =>
    call(t.app, 'GET', url, undefined, { token });
  const ok = async (
    token: string,
    url: string,
    body: unknown,
  ): Promise<Record<string, unknown>> => {
    const res = await post(token, url, body);
    if (res.status !== 201) throw new Error(`fixture ${url}: ${res.status} ${res.text}`);
    return res.body;
  };
  /** The request is refused with `status` (and `code`), and nothing is appended. */
  const refused = async (
    attempt: () => Promise<CallResult>,
    status: number,
    code?: string,
  ): Promise<void> => {
    const before = await t.store.count();
    const res = await attempt();
    expect({ status: res.status, code: res.body['code'] }).toEqual({
      status,
      code: code ?? expect.any(String),
    });
    expect(await t.store.count()).toBe(before);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token('admin', 'adm-1', RVI);
    await ok(admin, '/v1/supervisors/sup-ann/accreditations', accreditation());
    await ok(
      admin,
      '/v1/supervisors/sup-sal/accreditations',
      accreditation({ gmcNumber: '7022222', institutionIds: [SALFORD] }),
    );
    await ok(
      admin,
      '/v1/supervisors/sup-both/accreditations',
      accreditation({ gmcNumber: '7033333', institutionIds: [RVI, SALFORD] }),
    );
    await ok(
      admin,
      '/v1/supervisors/md-rvi/accreditations',
      accreditation({ gmcNumber: '7044444', kind: 'medical-director' }),
    );
    await ok(admin, '/v1/trainees', enrolment('trn-kim'));
    await ok(admin, '/v1/trainees', enrolment('trn-sal', { institutionId: SALFORD }));
  }, 30_000);
  afterAll(() => t.close());

  it('finding 2: a supervisor never accredited, or accredited at another trust, cannot record an assessment', async () => {
    const assessment = { assessmentType: 'CbD', outcome: 'satisfactory', performedOn: daysAgo(2) };
    const never = await t.token('supervisor', 'sup-never', SALFORD);
    await refused(
      () => post(never, '/v1/trainees/trn-kim/assessments', assessment),
      422,
      'ASSESSOR_NOT_ACCREDITED',
    );
    const elsewhere = await t.token('supervisor', 'sup-sal', SALFORD);
    await refused(
      () => post(elsewhere, '/v1/trainees/trn-kim/assessments', assessment),
      422,
      'ASSESSOR_NOT_ACCREDITED',
    );
    const ann = await t.token('supervisor', 'sup-ann', RVI);
    expect((await post(ann, '/v1/trainees/trn-kim/assessments', assessment)).status).toBe(201);
  });

  it("finding 3: rota shifts and competency sign-offs need the writer's accreditation at the trainee's institution", async () => {
    const rota = { institutionId: RVI, from: daysAgo(60), to: daysAgo(30), shifts: 4 };
    const never = await t.token('supervisor', 'sup-never', RVI);
    await refused(
      () => post(never, '/v1/trainees/trn-kim/rota-participation', rota),
      422,
      'RECORDER_NOT_ACCREDITED',
    );
    const sal = await t.token('supervisor', 'sup-sal', SALFORD);
    await refused(
      () =>
        post(sal, '/v1/trainees/trn-kim/rota-participation', { ...rota, institutionId: SALFORD }),
      422,
      'NOT_TRAINEES_INSTITUTION',
    );
    await refused(
      () =>
        post(sal, '/v1/trainees/trn-kim/competencies/mt-technique/sign-offs', {
          institutionId: SALFORD,
        }),
      422,
      'NOT_TRAINEES_INSTITUTION',
    );
    const ann = await t.token('supervisor', 'sup-ann', RVI);
    expect((await post(ann, '/v1/trainees/trn-kim/rota-participation', rota)).status).toBe(201);
  });

  it('finding 4: a director acts only where every institution of the record is theirs, and never on themselves', async () => {
    const director = await t.token('medical-director', 'md-rvi', RVI);
    await refused(
      () =>
        post(
          director,
          '/v1/supervisors/sup-two/accreditations',
          accreditation({ gmcNumber: '7055555', institutionIds: [RVI, SALFORD] }),
        ),
      403,
      'FORBIDDEN',
    );
    await refused(
      () =>
        post(
          director,
          '/v1/supervisors/md-rvi/accreditations',
          accreditation({ gmcNumber: '7044444', institutionIds: [SALFORD] }),
        ),
      403,
      'FORBIDDEN',
    );
    await refused(
      () => post(director, '/v1/supervisors/md-rvi/revocations', { reason: 'Mine to drop' }),
      403,
      'FORBIDDEN',
    );
    await refused(
      () => post(director, '/v1/supervisors/sup-both/revocations', { reason: 'Left' }),
      403,
      'FORBIDDEN',
    );
    expect(
      (
        await post(
          director,
          '/v1/supervisors/sup-new/accreditations',
          accreditation({ gmcNumber: '7066666' }),
        )
      ).status,
    ).toBe(201);
  });

  it("finding 5: a panel member cannot act on their own credential, and only a regulator lifts a regulator's suspension", async () => {
    await ok(admin, '/v1/trainees', enrolment('dr-lee'));
    const publisher = await t.token('accreditor', 'acc-1', RVI, '1h', pathwayDocument.issuer);
    await ok(publisher, '/v1/pathways/illustrative-esmint-cast/versions', {
      document: pathwayDocument,
      changeNote: 'First ledger publication',
    });
    const applicant = await t.token('trainee', 'dr-lee', RVI);
    const applicationId = String(
      (
        await ok(applicant, '/v1/applications', {
          pathwayId: 'illustrative-esmint-cast',
          pathwayVersion: pathwayDocument.version,
        })
      )['id'],
    );
    const panel = await t.token('panel', 'pnl-1', 'gmc');
    await ok(panel, `/v1/applications/${applicationId}/decisions`, {
      outcome: 'granted',
      reasons: 'Evidence reviewed',
      overrideReason: 'Equivalent experience abroad, verified by the panel',
    });
    await ok(panel, `/v1/applications/${applicationId}/credential`, {});
    const holderAsPanel = await t.token('panel', 'dr-lee', 'gmc');
    const url = (what: string): string => `/v1/applications/${applicationId}/${what}`;
    await refused(
      () => post(holderAsPanel, url('suspension'), { reason: 'Self' }),
      403,
      'FORBIDDEN',
    );
    const regulator = await t.token('regulator', 'reg-1', 'gmc');
    expect((await post(regulator, url('suspension'), { reason: 'Investigation' })).status).toBe(
      201,
    );
    await refused(
      () => post(holderAsPanel, url('reinstatement'), { reason: 'Self' }),
      403,
      'FORBIDDEN',
    );
    await refused(
      () => post(panel, url('reinstatement'), { reason: 'Panel review' }),
      403,
      'REGULATOR_SUSPENSION',
    );
    expect((await post(regulator, url('reinstatement'), { reason: 'Cleared' })).status).toBe(201);
  });

  it('finding 9: a trainee logs cases only at a known institution they train at', async () => {
    const kim = await t.token('trainee', 'trn-kim', RVI);
    await refused(
      () => post(kim, '/v1/cases', thrombectomyCase({ institutionId: SALFORD })),
      422,
      'NOT_TRAINEES_INSTITUTION',
    );
    await refused(
      () => post(kim, '/v1/cases', thrombectomyCase({ institutionId: 'inst-nowhere' })),
      422,
      'UNKNOWN_INSTITUTION',
    );
    const performedOn = daysAgo(10);
    await refused(
      () =>
        post(
          kim,
          '/v1/cases',
          thrombectomyCase({
            details: {
              ...(thrombectomyCase()['details'] as object),
              times: { arrival: `${performedOn}T20:00`, groinPuncture: `${performedOn}T10:00` },
            },
          }),
        ),
      422,
    );
    expect((await post(kim, '/v1/cases', thrombectomyCase())).status).toBe(201);
  });

  it('finding 9 (rotations): a trainee on a declared placement logs cases at the host trust during it only', async () => {
    const rotation = { institutionId: SALFORD, from: daysAgo(20), to: daysAgo(5) };
    const kim = await t.token('trainee', 'trn-kim', RVI);
    // Only the trainee's own trust declares it: the host's director may not.
    const hostDirector = await t.token('medical-director', 'md-9', SALFORD);
    await refused(() => post(hostDirector, '/v1/trainees/trn-kim/rotations', rotation), 403);
    await refused(
      () => post(admin, '/v1/trainees/trn-kim/rotations', { ...rotation, institutionId: RVI }),
      422,
      'ROTATION_AT_OWN_INSTITUTION',
    );
    const homeDirector = await t.token('medical-director', 'md-rvi', RVI);
    expect((await post(homeDirector, '/v1/trainees/trn-kim/rotations', rotation)).status).toBe(201);

    const atHost = (daysBefore: number): Record<string, unknown> =>
      thrombectomyCase({
        institutionId: SALFORD,
        supervisorId: 'sup-sal',
        performedOn: daysAgo(daysBefore),
        localRef: `MT-ROT-${daysBefore}`,
      });
    for (const outside of [25, 2])
      await refused(() => post(kim, '/v1/cases', atHost(outside)), 422, 'NOT_TRAINEES_INSTITUTION');
    const logged = await ok(kim, '/v1/cases', atHost(10));
    // The host's own supervisor signs it: the host consents case by case.
    const sal = await t.token('supervisor', 'sup-sal', SALFORD);
    const signed = await post(sal, `/v1/cases/${String(logged['id'])}/sign-off`, {});
    expect(signed.status).toBe(201);
  });

  it("finding 10: the queue, the audit and the workforce figures stay inside the reader's trust", async () => {
    const salAuditor = await t.token('trust-auditor', 'aud-9', SALFORD);
    const rviAuditor = await t.token('trust-auditor', 'aud-1', RVI);
    const head = await t.store.count();
    const queue = async (token: string): Promise<Array<{ institutionId: string }>> => {
      for (;;) {
        const res = await get(token, '/v1/supervisors/sup-ann/queue');
        expect(res.status).toBe(200);
        if (Number(res.body['ledgerSize']) >= head)
          return res.body['items'] as Array<{ institutionId: string }>;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    expect((await queue(rviAuditor)).length).toBeGreaterThan(0);
    expect(await queue(salAuditor)).toEqual([]);
    expect((await get(salAuditor, `/v1/audit/institutions/${RVI}`)).status).toBe(403);
    const workforce = await get(salAuditor, '/v1/workforce');
    expect(workforce.status).toBe(200);
    const groups = workforce.body['traineesBySpecialtyAndStage'] as Array<{ trainees: number }>;
    // Only trn-sal trains at Salford; nationally there are three.
    expect(groups.reduce((n, g) => n + g.trainees, 0)).toBe(1);
  });
});
