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
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LedgerRuntime, routeTable } from '@inr/ledger-api';
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
  'data-protection',
];
/** Every role that reads training records: all but the data-protection officer. */
const READERS = ALL.filter((role) => role !== 'data-protection');
const SUBJECT: Record<Role, string> = {
  trainee: 'trn-kim',
  supervisor: 'sup-ann',
  'medical-director': 'md-1',
  panel: 'pnl-1',
  'trust-auditor': 'aud-1',
  accreditor: 'acc-1',
  regulator: 'reg-1',
  admin: 'adm-1',
  'data-protection': 'dpo-1',
};

interface RouteCase {
  name: string;
  /** The route template as the app registers it, e.g. `POST /v1/cases/:caseId/sign-off`. */
  route: string;
  method: 'GET' | 'POST';
  url: () => string;
  body?: () => unknown;
  allowed: Role[];
  /** Tokens from another institution (or another person) that must be refused. */
  outsiders?: Array<{ role: Role; sub: string; institution: string }>;
  /** A server-sent-event stream: probed over a socket, its status read from the headers. */
  stream?: boolean;
}

/** Every token in the matrix carries the issuer claim of the pathway it publishes. */
const ISSUER = pathwayDocument.issuer;
describe('authorisation matrix', () => {
  let t: TestApp;
  let caseId = '';
  let spareCaseId = '';
  let applicationId = '';
  let decisionId = '';
  let credentialId = '';
  let base = '';

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
          { pathwayId: 'illustrative-esmint-cast', pathwayVersion: pathwayDocument.version },
          trainee,
        )
      )['id'],
    );
    const panel = await t.token('panel', 'pnl-9', SALFORD);
    decisionId = String(
      (
        await ok(
          `/v1/applications/${applicationId}/decisions`,
          { outcome: 'deferred', reasons: 'More cases' },
          panel,
        )
      )['id'],
    );
    // A second application, granted and issued: the portable credential's routes.
    const granted = String(
      (
        await ok(
          '/v1/applications',
          { pathwayId: 'illustrative-esmint-cast', pathwayVersion: pathwayDocument.version },
          trainee,
        )
      )['id'],
    );
    await ok(
      `/v1/applications/${granted}/decisions`,
      { outcome: 'granted', reasons: 'Ready', overrideReason: 'Equivalent experience' },
      panel,
    );
    credentialId = String((await ok(`/v1/applications/${granted}/credential`, {}, panel))['id']);
    await t.app.get(LedgerRuntime).flush(); // a signed checkpoint for the decision's bundle
    await t.app.listen(0, '127.0.0.1'); // live feeds are probed over a socket
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  /** A stream's status, read from its response headers; the connection is then dropped. */
  const streamStatus = (url: string, token?: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const request = httpGet(
        `${base}${url}`,
        { headers: token ? { authorization: `Bearer ${token}` } : {} },
        (response) => {
          resolve(response.statusCode ?? 0);
          request.destroy();
        },
      );
      request.on('error', reject);
    });

  const routes: RouteCase[] = [
    {
      name: 'enrol trainee',
      route: 'POST /v1/trainees',
      method: 'POST',
      url: () => '/v1/trainees',
      body: () => enrolment('trn-kim'),
      allowed: ['admin', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'transfer trainee',
      route: 'POST /v1/trainees/:traineeId/transfers',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/transfers',
      body: () => ({ toInstitutionId: RVI, transferredOn: daysAgo(1) }),
      allowed: ['admin', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'record assessment',
      route: 'POST /v1/trainees/:traineeId/assessments',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/assessments',
      body: () => ({ assessmentType: 'CbD', outcome: 'satisfactory', performedOn: daysAgo(2) }),
      allowed: ['supervisor', 'medical-director'],
    },
    {
      name: 'sign off competency',
      route: 'POST /v1/trainees/:traineeId/competencies/:competencyId/sign-offs',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/competencies/mt-technical-skills/sign-offs',
      body: () => ({ institutionId: RVI }),
      allowed: ['supervisor', 'medical-director'],
    },
    {
      name: 'record rota',
      route: 'POST /v1/trainees/:traineeId/rota-participation',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/rota-participation',
      body: () => ({ institutionId: RVI, from: daysAgo(60), to: daysAgo(30), shifts: 4 }),
      allowed: ['admin', 'medical-director', 'supervisor'],
      outsiders: [{ role: 'supervisor', sub: 'sup-9', institution: SALFORD }],
    },
    {
      name: 'recognise training time',
      route: 'POST /v1/trainees/:traineeId/training-time',
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
      // No partner policy here: the allowed roles reach RECOGNITION_NOT_CONFIGURED (422).
      name: 'recognise external evidence',
      route: 'POST /v1/trainees/:traineeId/recognitions',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/recognitions',
      body: () => ({ bundle: {}, scope: { kind: 'all' }, reason: 'Cases at another trust' }),
      allowed: ['panel', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'withdraw a recognition',
      route: 'POST /v1/trainees/:traineeId/recognitions/:recognitionId/withdrawal',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/recognitions/rec-unknown/withdrawal',
      body: () => ({ reason: 'Evidence under review' }),
      allowed: ['panel', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'request an assessment',
      route: 'POST /v1/trainees/:traineeId/assessment-requests',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/assessment-requests',
      body: () => ({ assessorId: 'sup-ann', assessmentType: 'CbD' }),
      allowed: ['trainee'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      name: 'request a competency sign-off',
      route: 'POST /v1/trainees/:traineeId/competency-requests',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/competency-requests',
      body: () => ({
        competencyId: 'mt-technical-skills',
        signerId: 'sup-ann',
        institutionId: RVI,
      }),
      allowed: ['trainee'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      // Only the trainee who asked (the allowed trainee reaches REQUEST_NOT_FOUND: 422).
      name: 'withdraw a request',
      route: 'POST /v1/trainees/:traineeId/requests/:requestId/withdrawal',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/requests/req-unknown/withdrawal',
      body: () => ({ reason: 'No longer needed' }),
      allowed: ['trainee'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      name: 'write a reflection',
      route: 'POST /v1/trainees/:traineeId/reflections',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/reflections',
      body: () => ({
        title: 'A hard case',
        text: 'What I would do differently',
        sharedWith: { supervisorIds: ['sup-ann'], panel: false },
      }),
      allowed: ['trainee'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      name: 'share a reflection',
      route: 'POST /v1/trainees/:traineeId/reflections/:reflectionId/sharing',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/reflections/ref-unknown/sharing',
      body: () => ({ sharedWith: { supervisorIds: [], panel: true } }),
      allowed: ['trainee'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      // Private to the trainee: a supervisor or the panel reads only what was shared with them
      // (here sup-ann, by name); nobody else may ask, whatever their reach elsewhere.
      name: "a trainee's reflections",
      route: 'GET /v1/trainees/:traineeId/reflections',
      method: 'GET',
      url: () => '/v1/trainees/trn-kim/reflections',
      allowed: ['trainee', 'supervisor', 'panel'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      name: 'logbook export',
      route: 'GET /v1/trainees/:traineeId/logbook',
      method: 'GET',
      url: () => '/v1/trainees/trn-kim/logbook?format=csv',
      allowed: READERS,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
        { role: 'supervisor', sub: 'sup-9', institution: SALFORD },
      ],
    },
    {
      // Only from one's own queue; each item is then checked as its own command.
      name: 'bulk sign-off from the queue',
      route: 'POST /v1/supervisors/:supervisorId/queue/sign-offs',
      method: 'POST',
      url: () => '/v1/supervisors/sup-ann/queue/sign-offs',
      body: () => ({ items: [{ kind: 'case', caseId }] }),
      allowed: ['supervisor'],
      outsiders: [{ role: 'supervisor', sub: 'sup-zed', institution: RVI }],
    },
    {
      name: 'log case',
      route: 'POST /v1/cases',
      method: 'POST',
      url: () => '/v1/cases',
      body: () => thrombectomyCase(),
      allowed: ['trainee'],
    },
    {
      name: 'amend case',
      route: 'POST /v1/cases/:caseId/amendments',
      method: 'POST',
      url: () => `/v1/cases/${caseId}/amendments`,
      body: () => ({ changes: { notes: 'Corrected notes' }, reason: 'Typo' }),
      allowed: ['trainee'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      name: 'retract case',
      route: 'POST /v1/cases/:caseId/retraction',
      method: 'POST',
      url: () => `/v1/cases/${spareCaseId}/retraction`,
      body: () => ({ reason: 'Duplicate' }),
      allowed: ['trainee'],
      outsiders: [{ role: 'trainee', sub: 'trn-other', institution: RVI }],
    },
    {
      name: 'sign off case',
      route: 'POST /v1/cases/:caseId/sign-off',
      method: 'POST',
      url: () => `/v1/cases/${caseId}/sign-off`,
      body: () => ({}),
      allowed: ['supervisor'],
      outsiders: [{ role: 'supervisor', sub: 'sup-zed', institution: RVI }],
    },
    {
      name: 'dispute case',
      route: 'POST /v1/cases/:caseId/disputes',
      method: 'POST',
      url: () => `/v1/cases/${caseId}/disputes`,
      body: () => ({ reason: 'Not present' }),
      allowed: ['supervisor'],
      outsiders: [{ role: 'supervisor', sub: 'sup-zed', institution: RVI }],
    },
    {
      name: 'accredit supervisor',
      route: 'POST /v1/supervisors/:supervisorId/accreditations',
      method: 'POST',
      url: () => '/v1/supervisors/sup-new/accreditations',
      body: () => accreditation({ gmcNumber: '7011111' }),
      allowed: ['admin', 'accreditor', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'revoke supervisor',
      route: 'POST /v1/supervisors/:supervisorId/revocations',
      method: 'POST',
      url: () => '/v1/supervisors/sup-zed/revocations',
      body: () => ({ reason: 'Left the trust' }),
      allowed: ['admin', 'accreditor', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: 'publish pathway',
      route: 'POST /v1/pathways/:pathwayId/versions',
      method: 'POST',
      url: () => '/v1/pathways/illustrative-esmint-cast/versions',
      body: () => ({ document: pathwayDocument, changeNote: 'Again' }),
      // An accreditor publishing for the pathway's issuer; another body's accreditor is an outsider.
      allowed: ['accreditor'],
      outsiders: [{ role: 'accreditor', sub: 'acc-trust', institution: SALFORD }],
    },
    {
      name: 'submit application',
      route: 'POST /v1/applications',
      method: 'POST',
      url: () => '/v1/applications',
      body: () => ({
        pathwayId: 'illustrative-esmint-cast',
        pathwayVersion: pathwayDocument.version,
      }),
      allowed: ['trainee'],
    },
    {
      name: 'record decision',
      route: 'POST /v1/applications/:applicationId/decisions',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/decisions`,
      body: () => ({ outcome: 'deferred', reasons: 'More cases' }),
      allowed: ['panel'],
    },
    {
      // The matrix's pathway has no panel section: a vote is the decision (a quorum of one).
      name: 'cast a panel vote',
      route: 'POST /v1/applications/:applicationId/votes',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/votes`,
      body: () => ({ outcome: 'deferred', reasons: 'More cases' }),
      allowed: ['panel'],
    },
    {
      // No flag on this application: the panel reaches the domain's refusal (422), others 403.
      name: 'resolve a review flag',
      route: 'POST /v1/applications/:applicationId/reviews/:flagId/resolution',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/reviews/flag-1/resolution`,
      body: () => ({ resolution: 'credential-stands', reason: 'Reviewed' }),
      allowed: ['panel'],
    },
    // Panel listings are scoped to what the reader may see, never refused.
    {
      name: 'pending applications',
      route: 'GET /v1/applications',
      method: 'GET',
      url: () => '/v1/applications',
      allowed: READERS,
    },
    {
      name: 'review queue',
      route: 'GET /v1/reviews',
      method: 'GET',
      url: () => '/v1/reviews',
      allowed: READERS,
    },
    {
      name: 'read an application',
      route: 'GET /v1/applications/:applicationId',
      method: 'GET',
      url: () => `/v1/applications/${applicationId}`,
      allowed: READERS,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'medical-director', sub: 'md-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
        { role: 'supervisor', sub: 'sup-9', institution: SALFORD },
      ],
    },
    {
      name: 'read a decision',
      route: 'GET /v1/decisions/:decisionId',
      method: 'GET',
      url: () => `/v1/decisions/${decisionId}`,
      allowed: READERS,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
      ],
    },
    {
      name: 'issue credential',
      route: 'POST /v1/applications/:applicationId/credential',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/credential`,
      body: () => ({}),
      allowed: ['panel', 'admin'],
    },
    {
      name: 'suspend credential',
      route: 'POST /v1/applications/:applicationId/suspension',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/suspension`,
      body: () => ({ reason: 'Review' }),
      allowed: ['panel', 'admin', 'regulator'],
    },
    {
      name: 'reinstate credential',
      route: 'POST /v1/applications/:applicationId/reinstatement',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/reinstatement`,
      body: () => ({ reason: 'Review' }),
      allowed: ['panel', 'admin', 'regulator'],
    },
    {
      name: 'revoke credential',
      route: 'POST /v1/applications/:applicationId/revocation',
      method: 'POST',
      url: () => `/v1/applications/${applicationId}/revocation`,
      body: () => ({ reason: 'Review' }),
      allowed: ['panel', 'admin', 'regulator'],
    },
    {
      name: 'read trainee',
      route: 'GET /v1/trainees/:traineeId',
      method: 'GET',
      url: () => '/v1/trainees/trn-kim',
      allowed: READERS,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
        { role: 'supervisor', sub: 'sup-9', institution: SALFORD },
      ],
    },
    {
      // The whole record, proven, for another ledger: the same readers as the record itself.
      name: 'trainee evidence bundle',
      route: 'GET /v1/trainees/:traineeId/bundle',
      method: 'GET',
      url: () => '/v1/trainees/trn-kim/bundle',
      allowed: READERS,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
        { role: 'supervisor', sub: 'sup-9', institution: SALFORD },
      ],
    },
    {
      name: 'read case',
      route: 'GET /v1/cases/:caseId',
      method: 'GET',
      url: () => `/v1/cases/${caseId}`,
      allowed: READERS,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'medical-director', sub: 'md-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
      ],
    },
    {
      name: 'read a supervisor queue',
      route: 'GET /v1/supervisors/:supervisorId/queue',
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
      route: 'POST /v1/cases/:caseId/outcomes',
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
      route: `GET /v1/audit/institutions/:institutionId${suffix}`,
      method: 'GET',
      url: () => `/v1/audit/institutions/${RVI}${suffix}?from=2020-01-01`,
      allowed: ['panel', 'accreditor', 'regulator', 'admin', 'medical-director', 'trust-auditor'],
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'medical-director', sub: 'md-9', institution: SALFORD },
      ],
    })),
    {
      name: 'declare rotation',
      route: 'POST /v1/trainees/:traineeId/rotations',
      method: 'POST',
      url: () => '/v1/trainees/trn-kim/rotations',
      body: () => ({ institutionId: SALFORD, from: daysAgo(30), to: daysAgo(1) }),
      // The trainee's own trust declares; the host trust's director may not.
      allowed: ['admin', 'medical-director'],
      outsiders: [{ role: 'medical-director', sub: 'md-9', institution: SALFORD }],
    },
    {
      name: "a trainee's pathway status",
      route: 'GET /v1/trainees/:traineeId/status',
      method: 'GET',
      url: () => '/v1/trainees/trn-kim/status',
      allowed: READERS,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
        { role: 'supervisor', sub: 'sup-9', institution: SALFORD },
      ],
    },
    // A registry listing is scoped to what the reader may see, never refused (finding 10 tests).
    {
      name: 'case registry',
      route: 'GET /v1/registry/cases',
      method: 'GET',
      url: () => '/v1/registry/cases',
      allowed: READERS,
    },
    ...(['provenance', 'replay', 'bundle'] as const).map((what): RouteCase => ({
      name: `decision ${what}`,
      route: `GET /v1/decisions/:decisionId/${what}`,
      method: 'GET',
      url: () => `/v1/decisions/${decisionId}/${what}`,
      allowed: READERS,
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
      ],
    })),
    {
      name: 'ledger entries',
      route: 'GET /v1/ledger/entries',
      method: 'GET',
      url: () => '/v1/ledger/entries?from=0&limit=5',
      allowed: ['panel', 'accreditor', 'regulator', 'admin'],
    },
    {
      name: 'workforce',
      route: 'GET /v1/workforce',
      method: 'GET',
      url: () => '/v1/workforce',
      allowed: ['panel', 'accreditor', 'regulator', 'admin', 'medical-director', 'trust-auditor'],
    },
    {
      name: 'metrics',
      route: 'GET /metrics',
      method: 'GET',
      url: () => '/metrics',
      allowed: ['admin'],
    },
    {
      name: 'live feed',
      route: 'GET /v1/events/stream',
      method: 'GET',
      url: () => '/v1/events/stream',
      allowed: READERS,
      stream: true,
    },
    {
      // The signed credential: its holder and the readers of the trainee's record.
      name: 'portable credential',
      route: 'GET /v1/credentials/:credentialId',
      method: 'GET',
      url: () => `/v1/credentials/${credentialId}`,
      allowed: READERS.filter((role) => role !== 'supervisor'),
      outsiders: [
        { role: 'trust-auditor', sub: 'aud-9', institution: SALFORD },
        { role: 'medical-director', sub: 'md-9', institution: SALFORD },
        { role: 'trainee', sub: 'trn-other', institution: RVI },
      ],
    },
    {
      name: 'list pathways',
      route: 'GET /v1/pathways',
      method: 'GET',
      url: () => '/v1/pathways',
      allowed: ALL,
    },
    {
      name: 'pathway versions',
      route: 'GET /v1/pathways/:pathwayId/versions',
      method: 'GET',
      url: () => '/v1/pathways/illustrative-esmint-cast/versions',
      allowed: ALL,
    },
    {
      name: 'subject access',
      route: 'GET /v1/trainees/:traineeId/subject-access',
      method: 'GET',
      url: () => '/v1/trainees/trn-kim/subject-access',
      allowed: ['trainee', 'data-protection'],
      outsiders: [{ role: 'trainee', sub: 'trn-bob', institution: RVI }],
    },
    // Last: the erased supervisor records nothing personal afterwards.
    {
      name: 'erase subject',
      route: 'POST /v1/subjects/:subjectId/erasures',
      method: 'POST',
      url: () => '/v1/subjects/sup-zed/erasures',
      body: () => ({ reason: 'Erasure request' }),
      allowed: ['data-protection'],
    },
  ];

  it.each(routes)('$name: allows exactly the roles the specification names', async (route) => {
    const outcomes: Record<string, number> = {};
    for (const role of ALL) {
      const token = await t.token(role, SUBJECT[role], RVI, '1h', ISSUER);
      if (route.stream) {
        outcomes[role] = await streamStatus(route.url(), token);
        continue;
      }
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

  // Public routes: the log's face (hashes, signatures and keys only), health for load
  // balancers, the API reference and the pathway schema, and the witness (its callers prove
  // themselves by signature).
  const publicRoutes: Array<{ route: string; url: string; body?: string; status: number }> = [
    { route: 'GET /v1/ledger/tlog/checkpoint', url: '/v1/ledger/tlog/checkpoint', status: 200 },
    { route: 'GET /v1/ledger/tlog/tile/*', url: '/v1/ledger/tlog/tile/0/000.p/1', status: 200 },
    {
      route: 'GET /v1/ledger/checkpoints',
      url: '/v1/ledger/checkpoints?from=0&limit=10',
      status: 200,
    },
    {
      route: 'GET /v1/ledger/checkpoints/:size',
      url: '/v1/ledger/checkpoints/{size}',
      status: 200,
    },
    { route: 'GET /v1/ledger/checkpoint', url: '/v1/ledger/checkpoint', status: 200 },
    { route: 'GET /v1/ledger/keys', url: '/v1/ledger/keys', status: 200 },
    {
      route: 'GET /v1/ledger/proof/inclusion',
      url: '/v1/ledger/proof/inclusion?index=0&size=1',
      status: 200,
    },
    {
      route: 'GET /v1/ledger/proof/consistency',
      url: '/v1/ledger/proof/consistency?first=0&second=1',
      status: 200,
    },
    // What a relying party handed a credential checks: its status, the lists, the issuer.
    {
      route: 'GET /v1/credentials/:credentialId/status',
      url: '/v1/credentials/{credential}/status',
      status: 200,
    },
    { route: 'GET /v1/status-lists/:listId', url: '/v1/status-lists/revocation-0', status: 200 },
    { route: 'GET /.well-known/did.json', url: '/.well-known/did.json', status: 200 },
    { route: 'GET /health', url: '/health', status: 200 },
    { route: 'GET /ready', url: '/ready', status: 200 },
    { route: 'GET /docs', url: '/docs', status: 200 },
    { route: 'GET /docs-json', url: '/docs-json', status: 200 },
    { route: 'GET /docs/assets/:name', url: '/docs/assets/swagger-ui.css', status: 200 },
    {
      route: 'GET /schemas/pathway.schema.json',
      url: '/schemas/pathway.schema.json',
      status: 200,
    },
    // How to sign in: the people to choose from, here with the development key.
    { route: 'GET /v1/sign-in', url: '/v1/sign-in', status: 200 },
    // The web app's page and files (not built in this suite: 404 for everyone, never 401/403).
    { route: 'GET /', url: '/', status: 404 },
    { route: 'GET /*', url: '/trainee', status: 404 },
    { route: 'GET /assets/:name', url: '/assets/index.js', status: 404 },
    // This server witnesses no logs: 404 for everyone, never 401 or 403.
    {
      route: 'POST /v1/witness/add-checkpoint',
      url: '/v1/witness/add-checkpoint',
      body: 'old 0\n\n',
      status: 404,
    },
  ];

  it.each(publicRoutes)(
    '$route: public, the same answer with no token and with every role',
    async ({ url: path, body, status }) => {
      const size = (await t.app.get(LedgerRuntime).flush())?.size ?? 0;
      const url = path.replace('{size}', String(size)).replace('{credential}', credentialId);
      const method = body === undefined ? 'GET' : 'POST';
      const headers: Record<string, string> =
        body === undefined ? {} : { 'content-type': 'text/plain' };
      const none = await call(t.app, method, url, body, { headers });
      expect(none.status).toBe(status);
      for (const role of ALL) {
        const token = await t.token(role, SUBJECT[role], RVI);
        const res = await call(t.app, method, url, body, { token, headers });
        expect({ role, status: res.status }).toEqual({ role, status: none.status });
      }
    },
  );

  // The development token is minted for anyone, with the development key only (the web-app
  // suite checks the refusal under an identity provider).
  const DEVELOPMENT_TOKEN_ROUTE = 'POST /v1/sign-in/development-token';
  it(`${DEVELOPMENT_TOKEN_ROUTE}: public, the same answer with no token and with every role`, async () => {
    const body = { role: 'trainee', sub: 'trn-kim', institution: RVI };
    const url = '/v1/sign-in/development-token';
    expect((await call(t.app, 'POST', url, body)).status).toBe(201);
    for (const role of ALL) {
      const token = await t.token(role, SUBJECT[role], RVI);
      const res = await call(t.app, 'POST', url, body, { token });
      expect({ role, status: res.status }).toEqual({ role, status: 201 });
    }
  });

  it('covers every route the app serves, and names no route it does not', () => {
    const served = routeTable(t.app).map((r) => `${r.method} ${r.path}`);
    const specified = [
      ...routes.map((r) => r.route),
      ...publicRoutes.map((r) => r.route),
      DEVELOPMENT_TOKEN_ROUTE,
    ];
    expect({
      missingFromMatrix: served.filter((r) => !specified.includes(r)),
      notServed: specified.filter((r) => !served.includes(r)),
    }).toEqual({ missingFromMatrix: [], notServed: [] });
  });

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
