import pathwayDocument from '../../libs/policy/src/catalogue/illustrative-esmint-cast.json';
import { LedgerRuntime } from '@inr/ledger-api';
import { rotateIssuerKey } from '@inr/ledger-api/config';
import { verifyIndependently, type HeldDocuments } from '../credentials/digital-bazaar-verifier';
import { enrolment, RVI, SALFORD } from './support/fixtures';
import { call, startTestApp, type TestApp } from './support/test-app';

// Issue #18: a granted credential as a signed Open Badges 3.0 credential, checked by an
// independent verifier (Digital Bazaar's, in a child process) offline, with its status
// through the signed Bitstring Status Lists as the ledger's events change it.
const ISSUER = 'did:web:trust.example';
const ORIGIN = 'https://trust.example';

describe('portable credentials (Open Badges 3.0, Bitstring Status List)', () => {
  let t: TestApp;
  let panel = '';
  let trainee = '';
  let applicationId = '';
  let credentialId = '';

  const ok = async (url: string, body: unknown, token: string) => {
    const res = await call(t.app, 'POST', url, body, { token });
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${res.text}`);
    return res.body;
  };
  const get = (url: string, token?: string) =>
    call(t.app, 'GET', url, undefined, token ? { token } : {});
  /** What a relying party saves: the DID document, its keys, the status lists now. */
  const held = async (credential: Record<string, unknown>): Promise<HeldDocuments> => {
    const did = (await get('/.well-known/did.json')).body as {
      verificationMethod: Record<string, unknown>[];
    };
    const documents: HeldDocuments = { [ISSUER]: did };
    for (const vm of did.verificationMethod)
      documents[String(vm['id'])] = { '@context': 'https://w3id.org/security/multikey/v1', ...vm };
    for (const entry of credential['credentialStatus'] as { statusListCredential: string }[]) {
      const url = entry.statusListCredential;
      documents[url] = (await get(url.slice(ORIGIN.length))).body;
    }
    return documents;
  };

  beforeAll(async () => {
    t = await startTestApp({ LEDGER_ISSUER_ID: ISSUER, LEDGER_ISSUER_NAME: 'Royal Victoria' });
    const admin = await t.token('admin', 'adm-1');
    trainee = await t.token('trainee', 'trn-kim');
    panel = await t.token('panel', 'pnl-9', SALFORD);
    const publisher = await t.token('accreditor', 'acc-1', RVI, '1h', pathwayDocument.issuer);
    await ok('/v1/trainees', enrolment('trn-kim'), admin);
    await ok(
      '/v1/pathways/illustrative-esmint-cast/versions',
      { document: pathwayDocument, changeNote: 'First ledger publication' },
      publisher,
    );
    const applied = await ok(
      '/v1/applications',
      { pathwayId: 'illustrative-esmint-cast', pathwayVersion: pathwayDocument.version },
      trainee,
    );
    applicationId = String(applied['id']);
    await ok(
      `/v1/applications/${applicationId}/decisions`,
      { outcome: 'granted', reasons: 'Ready', overrideReason: 'Equivalent experience abroad' },
      panel,
    );
    credentialId = String(
      (await ok(`/v1/applications/${applicationId}/credential`, {}, panel))['id'],
    );
    await t.app.get(LedgerRuntime).flush();
  });
  afterAll(() => t.close());

  it('issues, suspends, reinstates and revokes: each a ledger event, each seen through the signed status lists by an independent verifier', async () => {
    const res = await get(`/v1/credentials/${credentialId}`, trainee);
    expect(res.status).toBe(200);
    const credential = res.body;
    expect(credential).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `${ORIGIN}/v1/credentials/${credentialId}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: ISSUER, type: ['Profile'], name: 'Royal Victoria' },
      credentialSubject: {
        id: `${ORIGIN}/v1/trainees/trn-kim`,
        achievement: { version: pathwayDocument.version, humanCode: 'illustrative-esmint-cast' },
      },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' },
    });
    // No reason, no panel member, no evaluation: the credential states what was granted.
    expect(res.text).not.toMatch(/Equivalent experience|pnl-9/);

    // One changed byte: the achievement's name.
    const tampered = JSON.parse(res.text.replace('"name":"', '"name":"X')) as unknown;
    const requests = [
      { credential, documents: await held(credential) },
      { credential: tampered, documents: await held(credential) },
    ];
    const positions: number[] = [];
    for (const change of ['suspension', 'reinstatement', 'revocation']) {
      const done = await ok(
        `/v1/applications/${applicationId}/${change}`,
        { reason: `Test ${change}` },
        panel,
      );
      positions.push(Number(done['position']));
      const status = await get(`/v1/credentials/${credentialId}/status`);
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({
        status: { suspension: 'suspended', reinstatement: 'valid', revocation: 'revoked' }[change],
        position: positions.at(-1),
        since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      requests.push({ credential, documents: await held(credential) });
    }
    // A rotated issuer key: the credential handed out before still verifies (its key stays in
    // the DID document), and the ledger now signs with the new key.
    rotateIssuerKey(t.dataDir);
    const resigned = (await get(`/v1/credentials/${credentialId}`, trainee)).body;
    const method = (c: Record<string, unknown>) =>
      (c['proof'] as { verificationMethod: string }).verificationMethod;
    expect(method(resigned)).not.toBe(method(credential));
    requests.push({ credential, documents: await held(credential) });
    requests.push({ credential: resigned, documents: await held(resigned) });
    const [valid, changed, suspended, reinstated, revoked, before, after] =
      await verifyIndependently(requests);
    expect(before).toMatchObject({ verified: true, status: { revocation: true } });
    expect(after).toMatchObject({ verified: true, status: { revocation: true } });
    expect(valid).toMatchObject({
      verified: true,
      status: { revocation: false, suspension: false },
    });
    expect(changed?.verified).toBe(false);
    expect(suspended).toMatchObject({ status: { revocation: false, suspension: true } });
    expect(reinstated).toMatchObject({ status: { revocation: false, suspension: false } });
    expect(revoked).toMatchObject({ status: { revocation: true, suspension: false } });
    // Offline: the verifier's loader was asked only for contexts and the documents held.
    for (const url of valid!.requested)
      expect(url).toMatch(
        /^(https:\/\/(www\.w3\.org|w3id\.org|purl\.imsglobal\.org)\/|did:web:trust\.example|https:\/\/trust\.example\/v1\/status-lists\/)/,
      );

    // The history is the ledger's: every change with its position, oldest first.
    const history = (await get(`/v1/credentials/${credentialId}/status`)).body['history'];
    expect(history).toMatchObject([
      { status: 'valid', event: 'CredentialIssued' },
      { status: 'suspended', position: positions[0], event: 'CredentialSuspended' },
      { status: 'valid', position: positions[1], event: 'CredentialReinstated' },
      { status: 'revoked', position: positions[2], event: 'CredentialRevoked' },
    ]);
  }, 60_000);

  it('the credential goes to its holder and readers of the record; status, lists and DID document to anyone', async () => {
    expect((await get(`/v1/credentials/${credentialId}`)).status).toBe(401);
    expect(
      (await get(`/v1/credentials/${credentialId}`, await t.token('trainee', 'trn-other'))).status,
    ).toBe(403);
    expect((await get(`/v1/credentials/${credentialId}`, panel)).status).toBe(200);
    expect((await get('/v1/credentials/no-such/status')).body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await get('/v1/status-lists/revocation-7')).status).toBe(404);
    expect((await get('/v1/status-lists/bogus')).status).toBe(404);
    // After the rotation above: the current key first, the retired one still asserting.
    const did = await get('/.well-known/did.json');
    expect(did.body).toMatchObject({ id: ISSUER });
    expect(did.body['assertionMethod']).toEqual([
      expect.stringMatching(/^did:web:trust\.example#z6Mk/),
      expect.stringMatching(/^did:web:trust\.example#z6Mk/),
    ]);
  });
});
