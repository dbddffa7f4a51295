import type { Role } from '@inr/domain';
import pathwayDocument from '../../libs/policy/src/catalogue/illustrative-esmint-cast.json';
import {
  accreditation,
  daysAgo,
  enrolment,
  RVI,
  SALFORD,
  thrombectomyCase,
} from './support/fixtures';
import { LedgerRuntime } from '@inr/ledger-api';
import { call, startTestApp, type TestApp } from './support/test-app';

// Every route x every role, written out by hand as the specification (not derived from the
// policy table it checks). Subjects: the trainee is trn-kim, the supervisor sup-ann (named on
// the case), everyone else a person of their own; all at RVI unless said otherwise.
const ALL: Role[] = [
  'trainee',
  'supervisor',
  'medical-director',
  'panel',
  'trust-auditor',
  'accreditor',
  'regulator',
  'admin',
];
const SUBJECT: Record<Role, string> = {
  trainee: 'trn-kim',
  supervisor: 'sup-ann',
  'medical-director': 'md-1',
  panel: 'pnl-1',
  'trust-auditor': 'aud-1',
  accreditor: 'acc-1',
  regulator: 'reg-1',
  admin: 'adm-1',
};

interface RouteCase {
  name: string;
  method: 'GET' | 'POST';
  url: () => string;
  body?: () => unknown;
  allowed: Role[];
  /** Tokens from another institution (or another person) that must be refused. */
  outsiders?: Array<{ role: Role; sub: string; institution: string }>;
}

/** Every token in the matrix carries the issuer claim of the pathway it publishes. */
const ISSUER = pathwayDocument.issuer;
describe('authorisation matrix', () => {
  let t: TestApp;
  let caseId = '';
  let spareCaseId = '';
  let applicationId = '';

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.token('admin', 'adm-1');
    const trainee = await t.token('trainee', 'trn-kim');
    const publisher = await t.token('accreditor', 'acc-1', RVI, '1h', ISSUER);
    const ok = async (
      url: string,
      body: unknown,
      token: string,
    ): Promise<Record<string, unknown>> => {
      const res = await call(t.app, 'POST', url, body, { token });
      if (res.status !== 201) throw new Error(`fixture ${url}: ${res.status} ${res.text}`);
      return res.body;
    };
    await ok('/v1/trainees', enrolment('trn-kim'), admin);
    await ok('/v1/supervisors/sup-ann/accreditations', accreditation(), admin);
    await ok(
      '/v1/supervisors/sup-zed/accreditations',
      accreditation({ gmcNumber: '7099999' }),
      admin,
    );
    caseId = String((await ok('/v1/cases', thrombectomyCase(), trainee))['id']);
    spareCaseId = String(
      (await ok('/v1/cases', thrombectomyCase({ localRef: 'MT-SPARE' }), trainee))['id'],
    );
    await ok(
      '/v1/pathways/illustrative-esmint-cast/versions',
      { document: pathwayDocument, changeNote: 'First ledger publication' },
      publisher,
    );
    applicationId = String(
      (
        await ok(
          '/v1/applications',
          { pathwayId: 'illustrative-esmint-cast', pathwayVersion: '1.0.0' },
          trainee,
        )
      )['id'],
    );
  });
  afterAll(() => t.close());

  const routes: RouteCase[] = [
    {
      name: 'enrol trainee',
      method: 'POST',
      url: () => '/v1/trainees',
      body: () => enrolment('trn-kim'),
      allowed: ['admin', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'transfer trainee',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/transfers',
      body: () => ({ toInstitutionId: RVI, transferredOn: daysAgo(1) }),
      allowed: ['admin', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'record assessment',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/assessments',
      body: () => ({ assessmentType: 'CbD', outcome: 'satisfactory', performedOn: daysAgo(2) }),
      allowed: ['supervisor', 'medical-director'],
    },
    {
      name: 'sign off competency',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/competencies/mt-technical-skills/sign-offs',
      body: () => ({ institutionId: RVI }),
      allowed: ['supervisor', 'medical-director'],
    },
    {
      name: 'record rota',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/rota-participation',
      body: () => ({ institutionId: RVI, from: daysAgo(60), to: daysAgo(30), shifts: 4 }),
      allowed: ['admin', 'medical-director', 'supervisor'],
      outsiders: [{ role: 'supervisor', sub: 'sup-9', institution: SALFORD }],
    },
    {
      name: 'recognise training time',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/training-time',
      body: () => ({
        setting: 'diagnostic-neuroradiology',
        months: 6,
        from: daysAgo(380),
        to: daysAgo(200),
        sourceInstitution: 'Leeds General Infirmary',
        programme: 'RCR clinical radiology',
        evidenceRef: 'ARCP-2025-07',
      }),
      allowed: ['admin', 'panel', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'log case',
      method: 'POST',
      url: () => '/v1/cases',
      body: () => thrombectomyCase(),
      allowed: ['trainee'],
    },
    {
      name: 'amend case',
      method: 'POST',
      url: () => `/v1/cases/${caseId}/amendments`,
      body: () => ({ changes: { notes: 'Corrected notes' }, reason: 'Typo' }),
      allowed: ['trainee'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      name: 'retract case',
      method: 'POST',
      url: () => `/v1/cases/${spareCaseId}/retraction`,
      body: () => ({ reason: 'Duplicate' }),
      allowed: ['trainee'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      name: 'sign off case',
      method: 'POST',
      url: () => `/v1/cases/${caseId}/sign-off`,
      body: () => ({}),
      allowed: ['supervisor'],
      outsiders: [{ role: 'supervisor', sub: 'sup-zed', institution: RVI }],
    },
    {
      name: 'dispute case',
      method: 'POST',
      url: () => `/v1/cases/${caseId}/disputes`,
      body: () => ({ reason: 'Not present' }),
      allowed: ['supervisor'],
      outsiders: [{ role: 'supervisor', sub: 'sup-zed', institution: RVI }],
    },
    {
      name: 'accredit supervisor',
      method: 'POST',
      url: () => '/v1/supervisors/sup-new/accreditations',
      body: () => accreditation({ gmcNumber: '7011111' }),
      allowed: ['admin', 'accreditor', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'revoke supervisor',
      method: 'POST',
      url: () => '/v1/supervisors/sup-zed/revocations',
      body: () => ({ reason: 'Left the trust' }),
      allowed: ['admin', 'accreditor', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'publish pathway',
      method: 'POST',
      url: () => '/v1/pathways/illustrative-esmint-cast/versions',
      body: () => ({ document: pathwayDocument, changeNote: 'Again' }),
      // An accreditor publishing for the pathway's issuer; another body's accreditor is an outsider.
      allowed: ['accreditor'],
      outsiders: [{ role: 'accreditor', sub: 'acc-trust', institution: SALFORD }],
    },
    {
      name: 'submit application',
      method: 'POST',
      url: () => '/v1/applications',
      body: () => ({ pathwayId: 'illustrative-esmint-cast', pathwayVersion: '1.0.0' }),
      allowed: ['trainee'],
    },
    {
      name: 'record decision',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/decisions`,
      body: () => ({ outcome: 'deferred', reasons: 'More cases' }),
      allowed: ['panel'],
    },
    {
      name: 'issue credential',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/credential`,
      body: () => ({}),
      allowed: ['panel', 'admin'],
    },
    {
      name: 'suspend credential',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/suspension`,
      body: () => ({ reason: 'Review' }),
      allowed: ['panel', 'admin', 'regulator'],
    },
    {
      name: 'reinstate credential',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/reinstatement`,
      body: () => ({ reason: 'Review' }),
      allowed: ['panel', 'admin', 'regulator'],
    },
    {
      name: 'revoke credential',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/revocation`,
      body: () => ({ reason: 'Review' }),
      allowed: ['panel', 'admin', 'regulator'],
    },
    {
      name: 'read trainee',
      method: 'GET',
      url: () => '/v1/trainees/trn-kim',
      allowed: ALL,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
        { role: 'supervisor', sub: 'sup-9', institution: SALFORD },
      ],
    },
    {
      // The whole record, proven, for another ledger: the same readers as the record itself.
      name: 'trainee evidence bundle',
      method: 'GET',
      url: () => '/v1/trainees/trn-kim/bundle',
      allowed: ALL,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
        { role: 'supervisor', sub: 'sup-9', institution: SALFORD },
      ],
    },
    {
      name: 'read case',
      method: 'GET',
      url: () => `/v1/cases/${caseId}`,
      allowed: ALL,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'medical-director', sub: 'md-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
      ],
    },
    {
      name: 'read a supervisor queue',
      method: 'GET',
      url: () => '/v1/supervisors/sup-ann/queue',
      allowed: [
        'supervisor',
        'medical-director',
        'panel',
        'trust-auditor',
        'accreditor',
        'regulator',
        'admin',
      ],
      // Another trust's auditor gets 200 with none of this trust's items (finding 10 test).
      outsiders: [{ role: 'supervisor', sub: 'sup-zed', institution: RVI }],
    },
    {
      name: 'record case outcome',
      method: 'POST',
      url: () => `/v1/cases/${caseId}/outcomes`,
      body: () => ({ ivThrombolysis: true }),
      allowed: ['trainee', 'trust-auditor'],
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
      ],
    },
    ...(['', '/procedures', '/bundle'] as const).map((suffix): RouteCase => ({
      name: `trust audit${suffix}`,
      method: 'GET',
      url: () => `/v1/audit/institutions/${RVI}${suffix}?from=2020-01-01`,
      allowed: ['panel', 'accreditor', 'regulator', 'admin', 'medical-director', 'trust-auditor'],
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'medical-director', sub: 'md-9', institution: SALFORD },
      ],
    })),
    { name: 'list pathways', method: 'GET', url: () => '/v1/pathways', allowed: ALL },
    {
      name: 'pathway versions',
      method: 'GET',
      url: () => '/v1/pathways/illustrative-esmint-cast/versions',
      allowed: ALL,
    },
  ];

  it.each(routes)('$name: allows exactly the roles the specification names', async (route) => {
    const outcomes: Record<string, number> = {};
    for (const role of ALL) {
      const token = await t.token(role, SUBJECT[role], RVI, '1h', ISSUER);
      const res = await call(t.app, route.method, route.url(), route.body?.(), { token });
      outcomes[role] = res.status;
      if (res.status === 403)
        expect(res.body['code']).toMatch(
          /^(FORBIDDEN|ROLE_NOT_PERMITTED|ACTOR_MISMATCH|NOT_A_PUBLISHER_FOR_ISSUER)$/,
        );
    }
    const allowed = ALL.filter((role) => outcomes[role] !== 403);
    expect({ allowed: [...allowed].sort(), outcomes }).toEqual({
      allowed: [...route.allowed].sort(),
      outcomes: expect.anything(),
    });
    for (const role of ALL) expect(outcomes[role]).toBeLessThan(500);
  });

  it.each(routes.filter((r) => r.outsiders))(
    '$name: refuses other people and institutions',
    async (route) => {
      for (const outsider of route.outsiders ?? []) {
        const token = await t.token(outsider.role, outsider.sub, outsider.institution);
        const res = await call(t.app, route.method, route.url(), route.body?.(), { token });
        expect({ outsider, status: res.status }).toEqual({ outsider, status: 403 });
      }
    },
  );

  // The verifiable log's public face (hashes, signatures and keys only) and the pathway schema, for anyone.
  const publicRoutes = [
    '/v1/ledger/tlog/checkpoint',
    '/v1/ledger/tlog/tile/0/000.p/1',
    '/v1/ledger/checkpoints?from=0&limit=10',
    '/v1/ledger/checkpoints/{size}',
    '/v1/ledger/checkpoint',
    '/v1/ledger/keys',
    '/v1/ledger/proof/inclusion?index=0&size=1',
    '/v1/ledger/proof/consistency?first=0&second=1',
    '/schemas/pathway.schema.json',
  ];

  it.each(publicRoutes)(
    '%s: public, the same answer with no token and with every role',
    async (path) => {
      const size = (await t.app.get(LedgerRuntime).flush())?.size ?? 0;
      const url = path.replace('{size}', String(size));
      const none = await call(t.app, 'GET', url);
      expect(none.status).toBe(200);
      for (const role of ALL) {
        const token = await t.token(role, SUBJECT[role], RVI);
        const res = await call(t.app, 'GET', url, undefined, { token });
        expect({ role, status: res.status }).toEqual({ role, status: none.status });
      }
    },
  );

  it.each(routes)('$name: 401 without a token and with an expired one', async (route) => {
    const none = await call(t.app, route.method, route.url(), route.body?.());
    expect(none.status).toBe(401);
    expect(none.body['code']).toBe('UNAUTHENTICATED');
    const expired = await call(t.app, route.method, route.url(), route.body?.(), {
      token: await t.token('admin', 'adm-1', RVI, -5),
    });
    expect(expired.status).toBe(401);
    expect(expired.body['code']).toBe('TOKEN_EXPIRED');
  });
});
