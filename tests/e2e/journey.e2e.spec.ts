import { evidenceOf } from '@inr/ledger';
import pathwayDocument from '../../libs/policy/src/catalogue/illustrative-esmint-cast.json';
import { accreditation, daysAgo, enrolment, RVI, thrombectomyCase } from './support/fixtures';
import { call, startTestApp, type CallResult, type TestApp } from './support/test-app';

// A trainee's road to a credential, through HTTP only. Each step checks the answer and what
// the ledger recorded, read back through the query endpoints.
describe('training journey over HTTP', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tokens.admin = await t.token('admin', 'adm-1', RVI);
    tokens.trainee = await t.token('trainee', 'trn-kim', RVI);
    tokens.ann = await t.token('supervisor', 'sup-ann', RVI);
    tokens.bob = await t.token('supervisor', 'sup-bob', RVI);
    tokens.panel = await t.token('panel', 'pnl-1', 'gmc');
  });
  afterAll(() => t.close());

  const post = (token: string, url: string, body: unknown, key?: string): Promise<CallResult> =>
    call(t.app, 'POST', url, body, { token, ...(key ? { key } : {}) });
  const get = (token: string, url: string): Promise<CallResult> =>
    call(t.app, 'GET', url, undefined, { token });
  const created = (res: CallResult): Record<string, unknown> => {
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    expect(res.headers['etag']).toBe(`"${String(res.body['revision'])}"`);
    return res.body;
  };
  const historyTypes = async (token: string, caseId: string): Promise<string[]> =>
    ((await get(token, `/v1/cases/${caseId}`)).body['history'] as Array<{ type: string }>).map(
      (e) => e.type,
    );

  /** The supervisor's queue once the read models have caught up with every write so far. */
  const queueOf = async (
    token: string,
    supervisorId: string,
  ): Promise<Array<{ caseId: string }>> => {
    const head = await t.store.count();
    for (;;) {
      const queue = await get(token, `/v1/supervisors/${supervisorId}/queue`);
      expect(queue.status).toBe(200);
      if (Number(queue.body['ledgerSize']) >= head)
        return queue.body['items'] as Array<{ caseId: string }>;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  let caseA = '';
  let caseB = '';
  let applicationId = '';

  it('enrols the trainee and accredits two INR supervisors', async () => {
    const enrolled = created(await post(tokens.admin!, '/v1/trainees', enrolment('trn-kim')));
    expect(enrolled).toMatchObject({ streamId: 'trainee-trn-kim', revision: 0, position: 0 });
    created(await post(tokens.admin!, '/v1/supervisors/sup-ann/accreditations', accreditation()));
    created(
      await post(
        tokens.admin!,
        '/v1/supervisors/sup-bob/accreditations',
        accreditation({ gmcNumber: '7054321' }),
      ),
    );
    const trainee = await get(tokens.trainee!, '/v1/trainees/trn-kim');
    expect(trainee.status).toBe(200);
    expect(trainee.body['state']).toMatchObject({ status: 'enrolled', institutionId: RVI });
    expect(await t.store.count()).toBe(3);
  });

  it('refuses enrolment on an unknown pathway, and on a pathway the trainee is not eligible for', async () => {
    const before = await t.store.count();
    const unknown = await post(
      tokens.admin!,
      '/v1/trainees',
      enrolment('trn-x', { pathwayIds: ['no-such-pathway'] }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body['code']).toBe('PATHWAY_NOT_PUBLISHED');
    const neurologist = await post(
      tokens.admin!,
      '/v1/trainees',
      enrolment('trn-x', {
        specialty: 'neurology',
        stage: 'ST6',
        pathwayIds: ['rcr-2020-consultant-ir'],
      }),
    );
    expect(neurologist.body['code']).toBe('NOT_ELIGIBLE_SPECIALTY');
    expect(await t.store.count()).toBe(before);
  });

  it('logs cases as the trainee, each with a server-chosen id', async () => {
    const a = created(await post(tokens.trainee!, '/v1/cases', thrombectomyCase()));
    const b = created(
      await post(
        tokens.trainee!,
        '/v1/cases',
        thrombectomyCase({ supervisorId: 'sup-bob', localRef: 'MT-2026-002' }),
      ),
    );
    caseA = String(a['id']);
    caseB = String(b['id']);
    expect(a['streamId']).toBe(`case-${caseA}`);
    expect(caseA).not.toBe(caseB);
    const read = await get(tokens.trainee!, `/v1/cases/${caseA}`);
    expect(read.body['state']).toMatchObject({
      status: 'logged',
      signOff: { status: 'awaiting' },
      record: { traineeId: 'trn-kim', supervisorId: 'sup-ann' },
    });
    const [logged] = read.body['history'] as Array<{ actor: unknown; data: unknown }>;
    expect(logged?.actor).toEqual({ subject: 'trn-kim', role: 'trainee', institutionId: RVI });
  });

  it('refuses an implausible case with a problem+json code naming the rule, writing nothing', async () => {
    const before = await t.store.count();
    const performedOn = daysAgo(4);
    const base = thrombectomyCase({ performedOn, localRef: 'MT-BAD' });
    const details = base['details'] as Record<string, unknown>;
    const puncturedBeforeArrival = await post(tokens.trainee!, '/v1/cases', {
      ...base,
      details: {
        ...details,
        times: { arrival: `${performedOn}T10:30`, groinPuncture: `${performedOn}T09:50` },
      },
    });
    expect(puncturedBeforeArrival.status).toBe(422);
    expect(puncturedBeforeArrival.headers['content-type']).toContain('application/problem+json');
    expect(puncturedBeforeArrival.body['code']).toBe('CASE_TIMES_OUT_OF_ORDER');
    const reperfusedFromNothing = await post(tokens.trainee!, '/v1/cases', {
      ...base,
      details: { ...details, eticiByPass: ['0'], finalEtici: '3' },
    });
    expect(reperfusedFromNothing.body['code']).toBe('FINAL_ETICI_INCONSISTENT_WITH_PASSES');
    const observerAtLevel4 = await post(tokens.trainee!, '/v1/cases', {
      ...base,
      operatorRole: 'observer',
      supervisionLevel: 4,
    });
    expect(observerAtLevel4.body['code']).toBe('OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION');
    expect(await t.store.count()).toBe(before);
  });

  it('shows each supervisor only their own pending cases', async () => {
    expect((await queueOf(tokens.ann!, 'sup-ann')).map((item) => item.caseId)).toEqual([caseA]);
  });

  it('lets the named supervisor sign off, and the other dispute', async () => {
    created(await post(tokens.ann!, `/v1/cases/${caseA}/sign-off`, { comment: 'Well done' }));
    expect(await historyTypes(tokens.trainee!, caseA)).toEqual(['CaseLogged', 'CaseSignedOff']);
    const notNamed = await post(tokens.bob!, `/v1/cases/${caseA}/sign-off`, {});
    expect(notNamed.status).toBe(403);
    created(
      await post(tokens.bob!, `/v1/cases/${caseB}/disputes`, {
        reason: 'I was not the supervisor on this case',
      }),
    );
    expect(await historyTypes(tokens.trainee!, caseB)).toEqual([
      'CaseLogged',
      'CaseSignOffDisputed',
    ]);
  });

  it('amends a disputed case with If-Match and gets it signed', async () => {
    const stale = await call(
      t.app,
      'POST',
      `/v1/cases/${caseB}/amendments`,
      { changes: { supervisorId: 'sup-ann' }, reason: 'Wrong supervisor named' },
      { token: tokens.trainee!, ifMatch: '"0"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body['code']).toBe('PRECONDITION_FAILED');
    const amended = await call(
      t.app,
      'POST',
      `/v1/cases/${caseB}/amendments`,
      { changes: { supervisorId: 'sup-ann' }, reason: 'Wrong supervisor named' },
      { token: tokens.trainee!, ifMatch: '"1"' },
    );
    expect(created(amended)['revision']).toBe(2);
    created(await post(tokens.ann!, `/v1/cases/${caseB}/sign-off`, {}));
    expect(await historyTypes(tokens.trainee!, caseB)).toEqual([
      'CaseLogged',
      'CaseSignOffDisputed',
      'CaseAmended',
      'CaseSignedOff',
    ]);
    expect(await queueOf(tokens.ann!, 'sup-ann')).toEqual([]);
  });

  it('records assessments and competency sign-offs by two INRs', async () => {
    const assessment = created(
      await post(tokens.ann!, '/v1/trainees/trn-kim/assessments', {
        assessmentType: 'Rad-DOPS',
        procedure: 'mechanical-thrombectomy',
        outcome: 'satisfactory',
        performedOn: daysAgo(5),
      }),
    );
    expect(assessment['id']).toEqual(expect.any(String));
    created(
      await post(tokens.ann!, '/v1/trainees/trn-kim/competencies/mt-technical-skills/sign-offs', {
        institutionId: RVI,
      }),
    );
    created(
      await post(tokens.bob!, '/v1/trainees/trn-kim/competencies/mt-technical-skills/sign-offs', {
        institutionId: RVI,
      }),
    );
    const again = await post(
      tokens.bob!,
      '/v1/trainees/trn-kim/competencies/mt-technical-skills/sign-offs',
      { institutionId: RVI },
    );
    expect(again.status).toBe(422);
    expect(again.body['code']).toBe('COMPETENCY_ALREADY_SIGNED_BY_SIGNER');
    const trainee = await get(tokens.trainee!, '/v1/trainees/trn-kim');
    expect(trainee.body['state']).toMatchObject({
      competencySignatures: [{ signerId: 'sup-ann' }, { signerId: 'sup-bob' }],
    });
    expect(trainee.body['cases']).toHaveLength(2);
  });

  it('keeps the consultant-IR final sign-off for one INR and the principal medical director', async () => {
    const director = await t.token('medical-director', 'md-rvi', RVI);
    const principal = await t.token('medical-director', 'md-principal', RVI);
    created(
      await post(
        tokens.admin!,
        '/v1/trainees',
        enrolment('trn-lee', {
          specialty: 'interventional-radiology',
          stage: 'consultant',
          pathwayIds: ['rcr-2020-consultant-ir'],
        }),
      ),
    );
    created(
      await post(
        tokens.admin!,
        '/v1/supervisors/md-rvi/accreditations',
        accreditation({ gmcNumber: '7011111', kind: 'medical-director' }),
      ),
    );
    created(
      await post(
        tokens.admin!,
        '/v1/supervisors/md-principal/accreditations',
        accreditation({
          gmcNumber: '7022222',
          kind: 'medical-director',
          principalTrainingHospital: true,
        }),
      ),
    );
    const url = '/v1/trainees/trn-lee/competencies/mt-final-sign-off/sign-offs';
    const typo = await post(
      tokens.ann!,
      '/v1/trainees/trn-lee/competencies/mt-final-signoff/sign-offs',
      {
        institutionId: RVI,
      },
    );
    expect(typo.body['code']).toBe('COMPETENCY_NOT_IN_PATHWAY');
    created(await post(tokens.ann!, url, { institutionId: RVI }));
    const notPrincipal = await post(director, url, { institutionId: RVI });
    expect(notPrincipal.status).toBe(422);
    expect(notPrincipal.body['code']).toBe('SIGNATURE_NEEDS_PRINCIPAL_MEDICAL_DIRECTOR');
    const secondInr = await post(tokens.bob!, url, { institutionId: RVI });
    expect(secondInr.body['code']).toBe('SIGNATURE_SLOT_ALREADY_FILLED');
    created(await post(principal, url, { institutionId: RVI }));
    const status = await get(tokens.panel!, '/v1/trainees/trn-lee/status');
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.body)).toContain('mt-final-sign-off');
  });

  it('serves the shipped catalogue from the first start, and only its issuer publishes versions', async () => {
    const shipped = await get(tokens.trainee!, '/v1/pathways/rcr-2020-consultant-ir/versions');
    expect(shipped.status).toBe(200);
    // 1.0.0 shipped first (before pathways named their issuer) and stays replayable.
    expect(shipped.body['versions']).toMatchObject([
      { version: '1.0.0', source: 'catalogue', publishedBy: null },
      { version: '1.1.0', source: 'catalogue', publishedBy: 'rcr' },
    ]);
    const rcr = (await get(tokens.trainee!, '/v1/pathways/rcr-gmc-mt-credential/versions')).body[
      'versions'
    ] as Array<{ document: Record<string, unknown> }>;
    const weakened = { ...rcr[rcr.length - 1]!.document, version: '1.1.1' };
    const before = await t.store.count();
    const trustAccreditor = await t.token('accreditor', 'acc-trust', RVI, '1h', RVI);
    const byTrust = await post(trustAccreditor, '/v1/pathways/rcr-gmc-mt-credential/versions', {
      document: weakened,
      changeNote: 'Lower targets',
    });
    expect(byTrust.status).toBe(403);
    expect(byTrust.body['code']).toBe('NOT_A_PUBLISHER_FOR_ISSUER');
    const renamed = await post(trustAccreditor, '/v1/pathways/rcr-gmc-mt-credential/versions', {
      document: { ...weakened, issuer: RVI },
      changeNote: 'Lower targets',
    });
    expect(renamed.body['code']).toBe('PATHWAY_OWNED_BY_ANOTHER_ISSUER');
    const byAdmin = await post(tokens.admin!, '/v1/pathways/rcr-gmc-mt-credential/versions', {
      document: weakened,
      changeNote: 'Lower targets',
    });
    expect(byAdmin.status).toBe(403);
    expect(await t.store.count()).toBe(before);
  });

  it('publishes the pathway, takes an application and records the panel decision with its evaluation', async () => {
    const publisher = await t.token(
      'accreditor',
      'acc-ex',
      'examples',
      '1h',
      'inr-ledger-examples',
    );
    const published = created(
      await post(publisher, '/v1/pathways/illustrative-esmint-cast/versions', {
        document: pathwayDocument,
        changeNote: 'First publication in this ledger',
      }),
    );
    expect(published['streamId']).toBe('policy-illustrative-esmint-cast');
    const versions = await get(tokens.trainee!, '/v1/pathways/illustrative-esmint-cast/versions');
    // The version shipped before stays listed (and replayable); the ledger's publication follows.
    expect(versions.body['versions']).toMatchObject([
      { version: '1.0.0', source: 'catalogue', publishedAt: null },
      {
        version: pathwayDocument.version,
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        source: 'ledger',
        publishedBy: 'acc-ex',
        publishedAt: expect.any(String),
        changeNote: 'First publication in this ledger',
      },
    ]);

    const applied = created(
      await post(tokens.trainee!, '/v1/applications', {
        pathwayId: 'illustrative-esmint-cast',
        pathwayVersion: pathwayDocument.version,
      }),
    );
    applicationId = String(applied['id']);

    const grantWithoutOverride = await post(
      tokens.panel!,
      `/v1/applications/${applicationId}/decisions`,
      { outcome: 'granted', reasons: 'Looks ready' },
    );
    expect(grantWithoutOverride.status).toBe(422);
    expect(grantWithoutOverride.body['code']).toBe('OVERRIDE_REASON_REQUIRED');

    const before = await t.store.count();
    const decided = created(
      await post(tokens.panel!, `/v1/applications/${applicationId}/decisions`, {
        outcome: 'deferred',
        reasons: 'Needs more first-operator cases',
      }),
    );
    const [decision] = await t.store.readStream(String(decided['streamId']), {
      fromRevision: Number(decided['revision']),
    });
    expect(decision?.type).toBe('CredentialDecisionRecorded');
    expect(decision?.data).toMatchObject({
      outcome: 'deferred',
      ledgerSize: before,
      pathwayVersion: pathwayDocument.version,
      panelMemberId: 'pnl-1',
      evaluation: { met: false },
    });
    // It commits to the applicant's record the evaluation was given: every earlier leaf naming them.
    const traineeId = String(decision?.data['traineeId']);
    const evidence = evidenceOf(await t.store.readAll({ maxCount: before }), traineeId, before);
    expect(evidence.leafIndexes.length).toBeGreaterThan(3);
    expect(decision?.data['evidence']).toEqual(evidence);
    expect(decision?.metadata).toMatchObject({
      schemaVersion: 2,
      actor: { subject: 'pnl-1', role: 'panel' },
      idempotencyKey: expect.any(String),
    });
  });

  it('grants with a recorded override, issues, suspends and reinstates the credential', async () => {
    created(
      await post(tokens.panel!, `/v1/applications/${applicationId}/decisions`, {
        outcome: 'granted',
        reasons: 'Recognition route',
        overrideReason: 'Equivalent experience abroad, evidenced',
      }),
    );
    const issued = created(
      await post(tokens.panel!, `/v1/applications/${applicationId}/credential`, {}),
    );
    expect(issued['id']).toEqual(expect.any(String));
    created(
      await post(tokens.panel!, `/v1/applications/${applicationId}/suspension`, {
        reason: 'Under review',
      }),
    );
    created(
      await post(tokens.panel!, `/v1/applications/${applicationId}/reinstatement`, {
        reason: 'Review closed',
      }),
    );
    const types = (await t.store.readStream(`application-${applicationId}`)).map((e) => e.type);
    expect(types).toEqual([
      'CredentialApplicationSubmitted',
      'CredentialDecisionRecorded',
      'CredentialDecisionRecorded',
      'CredentialIssued',
      'CredentialSuspended',
      'CredentialReinstated',
    ]);
  });

  it('once credentialed, logs a case without a supervisor, self-attested; nobody signs it', async () => {
    const independent = thrombectomyCase({
      localRef: 'MT-INDEPENDENT',
      performedOn: daysAgo(0),
      operatorRole: 'primary-independent',
      supervisionLevel: 4,
      supervisorId: undefined,
    });
    const unnamed = await post(tokens.trainee!, '/v1/cases', independent);
    expect(unnamed.status).toBe(422);
    expect(unnamed.body['code']).toBe('SUPERVISOR_REQUIRED');
    const logged = created(
      await post(tokens.trainee!, '/v1/cases', { ...independent, selfAttested: true }),
    );
    const [event] = await t.store.readStream(String(logged['streamId']));
    expect(event?.data).toMatchObject({ selfAttested: true, operatorRole: 'primary-independent' });
    expect(event?.data['supervisorId']).toBeUndefined();
    // No supervisor is named, so the policy lets no one sign (the decider would refuse too).
    const signing = await post(tokens.ann!, `/v1/cases/${String(logged['id'])}/sign-off`, {});
    expect(signing.status).toBe(403);
  });

  it('replays a retried command instead of writing it twice, and refuses a reused key', async () => {
    const body = thrombectomyCase({ localRef: 'MT-RETRY', performedOn: daysAgo(3) });
    const first = await post(tokens.trainee!, '/v1/cases', body, 'retry-key-1');
    const count = await t.store.count();
    const retry = await post(tokens.trainee!, '/v1/cases', body, 'retry-key-1');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['etag']).toBe(first.headers['etag']);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await t.store.count()).toBe(count);
    const reused = await post(
      tokens.trainee!,
      '/v1/cases',
      { ...body, localRef: 'MT-OTHER' },
      'retry-key-1',
    );
    expect(reused.status).toBe(422);
    expect(reused.body['code']).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await t.store.count()).toBe(count);
  });

  it('retracts a case, which then cannot be signed', async () => {
    created(
      await post(tokens.trainee!, `/v1/cases/${caseA}/retraction`, { reason: 'Logged twice' }),
    );
    const sign = await post(tokens.ann!, `/v1/cases/${caseA}/sign-off`, {});
    expect(sign.status).toBe(422);
    expect(sign.body['code']).toBe('CASE_RETRACTED');
  });
});
