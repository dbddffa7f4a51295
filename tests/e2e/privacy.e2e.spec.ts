import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519VerifierKey } from '@inr/transparency';
import { audit, loadOrCreateSigningKey, PERSONAL_DATA_KEYS_FILE } from '@inr/ledger';
import { LedgerRuntime } from '@inr/ledger-api';
import { takeBackup } from '@inr/ledger-api/backup';
import pathwayDocument from '../../libs/policy/src/catalogue/illustrative-esmint-cast.json';
import { openLocalLedger } from '../../apps/ledger-cli/src/ledger/open-local-ledger';
import { verifyBundleText } from '../../apps/ledger-cli/src/ledger/verify-bundle-file';
import { accreditation, enrolment, thrombectomyCase } from './support/fixtures';
import { call, startTestApp, type TestApp } from './support/test-app';

// Crypto-shredding end to end (docs/privacy.md): personal fields are sealed before they reach
// the ledger, erasure destroys the key, and every proof, audit and decision stands.
const MARKER = 'Zq7-privacy-marker-4f1e';
const SUP_MARKER = 'Wx3-supervisor-marker-88a0';
const GMC = '7054321';
const ORIGIN = 'local-trust/inr-ledger';
const ORIGIN_POLICY = (vkey: string) => `log ${vkey}\nquorum none\n`;

/** Every file under `dir` (SQLite WAL, idempotency store, key store, bundles...) holding `text`. */
function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  const hits: string[] = [];
  const walk = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else if (readFileSync(path).includes(needle)) hits.push(path);
  };
  walk(dir);
  return hits;
}

describe('personal data: erasure with every proof intact, subject access', () => {
  let t: TestApp;
  let admin = '';
  let pia = '';
  let panel = '';
  let dpo = '';
  let piaCase = '';
  let bobCase = '';
  let decisionId = '';
  let bundleBefore = '';
  let vkey = '';
  const get = (url: string, token: string) => call(t.app, 'GET', url, undefined, { token });
  const post = async (url: string, body: unknown, token: string) => {
    const res = await call(t.app, 'POST', url, body, { token });
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${res.text}`);
    return res.body;
  };
  const countsOf = async (traineeId: string) => {
    const status = await get(`/v1/trainees/${traineeId}/status`, panel);
    return JSON.stringify(status.body['pathways'] ?? status.body);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token('admin', 'adm-1');
    pia = await t.token('trainee', 'trn-pia');
    panel = await t.token('panel', 'pnl-1');
    dpo = await t.token('data-protection', 'dpo-1');
    const bob = await t.token('trainee', 'trn-bob');
    const eve = await t.token('supervisor', 'sup-eve');
    await post('/v1/trainees', enrolment('trn-pia'), admin);
    await post('/v1/trainees', enrolment('trn-bob'), admin);
    await post('/v1/supervisors/sup-eve/accreditations', accreditation({ gmcNumber: GMC }), admin);
    piaCase = String(
      (await post('/v1/cases', thrombectomyCase({ supervisorId: 'sup-eve', notes: MARKER }), pia))[
        'id'
      ],
    );
    bobCase = String(
      (await post('/v1/cases', thrombectomyCase({ supervisorId: 'sup-eve' }), bob))['id'],
    );
    for (const id of [piaCase, bobCase])
      await post(`/v1/cases/${id}/sign-off`, { comment: SUP_MARKER }, eve);
    const publisher = await t.token('accreditor', 'acc-1', 'rvi', '1h', pathwayDocument.issuer);
    await post(
      '/v1/pathways/illustrative-esmint-cast/versions',
      { document: pathwayDocument, changeNote: 'First ledger publication' },
      publisher,
    );
    const application = await post(
      '/v1/applications',
      { pathwayId: 'illustrative-esmint-cast', pathwayVersion: pathwayDocument.version },
      pia,
    );
    decisionId = String(
      (
        await post(
          `/v1/applications/${String(application['id'])}/decisions`,
          { outcome: 'deferred', reasons: `More cases; ${MARKER}` },
          panel,
        )
      )['id'],
    );
    await t.app.get(LedgerRuntime).flush();
    bundleBefore = (await get(`/v1/decisions/${decisionId}/bundle`, panel)).text;
    vkey = ed25519VerifierKey(loadOrCreateSigningKey(t.dataDir, ORIGIN));
    // A backup taken before the erasure, inside the data directory the scans read.
    await takeBackup({ dataDir: t.dataDir, to: join(t.dataDir, 'backups', 'b1'), origin: ORIGIN });
  });
  afterAll(() => t.close());

  it('writes only ciphertext: the views show the notes, the data directory never holds them', async () => {
    const record = await get(`/v1/cases/${piaCase}`, pia);
    expect(JSON.stringify(record.body)).toContain(MARKER);
    expect(bundleBefore).not.toContain(MARKER);
    expect(bundleBefore).toContain('enc:pd1:');
    expect(filesContaining(t.dataDir, MARKER)).toEqual([]);
    expect(filesContaining(t.dataDir, GMC)).toEqual([]);
  });

  it('gives the subject everything held about them, decrypted', async () => {
    const access = await get('/v1/trainees/trn-pia/subject-access', pia);
    expect(access.status).toBe(200);
    expect(access.body).toMatchObject({
      subjectId: 'trn-pia',
      personalData: 'held',
      erasure: null,
    });
    const types = (access.body['events'] as { type: string }[]).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'TraineeEnrolled',
        'CaseLogged',
        'CaseSignedOff',
        'CredentialDecisionRecorded',
      ]),
    );
    expect(access.text).toContain(MARKER);
    expect((await get('/v1/trainees/trn-pia/subject-access', dpo)).status).toBe(200);
    const other = await t.token('trainee', 'trn-bob');
    expect((await get('/v1/trainees/trn-pia/subject-access', other)).status).toBe(403);
  });

  it('erases a trainee: nothing of theirs in the data directory, audit passes, proofs and decision stand', async () => {
    const replayBefore = (await get(`/v1/decisions/${decisionId}/replay`, panel)).body;
    const erased = await call(
      t.app,
      'POST',
      '/v1/subjects/trn-pia/erasures',
      { reason: 'Erasure request under Art. 17, ref DP-2026-014' },
      { token: dpo },
    );
    expect(erased.status).toBe(201);
    // Only the data-protection role erases; twice is refused.
    const again = await call(
      t.app,
      'POST',
      '/v1/subjects/trn-pia/erasures',
      { reason: 'x' },
      { token: dpo },
    );
    expect([again.status, again.body['code']]).toEqual([422, 'SUBJECT_ALREADY_ERASED']);
    expect(
      (
        await call(
          t.app,
          'POST',
          '/v1/subjects/trn-bob/erasures',
          { reason: 'x' },
          { token: admin },
        )
      ).status,
    ).toBe(403);

    const record = await get(`/v1/cases/${piaCase}`, panel);
    expect(JSON.stringify(record.body)).not.toContain(MARKER);
    expect(JSON.stringify(record.body)).toContain('[erased]');
    expect(filesContaining(t.dataDir, MARKER)).toEqual([]);

    const replay = await get(`/v1/decisions/${decisionId}/replay`, panel);
    expect(replay.body['identical']).toBe(true);
    expect(replay.body['diff']).toEqual(replayBefore['diff']);
    expect(replay.body['recorded']).toEqual(replayBefore['recorded']);
    expect(await verifyBundleText(bundleBefore, ORIGIN_POLICY(vkey))).toEqual({
      ok: true,
      report: expect.objectContaining({ decisionReEvaluated: true }),
    });
    await t.app.get(LedgerRuntime).flush();
    const ledger = await openLocalLedger(t.config);
    try {
      const result = await audit(ledger.events, ledger.hashes, { logVerifierKey: vkey });
      expect(result.ok).toBe(true);
    } finally {
      await ledger.close();
    }
  });

  it('shows a regulator that, when and why; subject access after erasure says erased', async () => {
    const access = await get('/v1/trainees/trn-pia/subject-access', dpo);
    expect(access.body).toMatchObject({
      personalData: 'erased',
      erasure: {
        subjectId: 'trn-pia',
        reason: 'Erasure request under Art. 17, ref DP-2026-014',
        erasedOn: new Date().toISOString().slice(0, 10),
      },
    });
    expect(access.text).not.toContain(MARKER);
    const regulator = await t.token('regulator', 'reg-1');
    const trainee = await get('/v1/trainees/trn-pia', regulator);
    expect(trainee.body['erasure']).toMatchObject({
      type: 'SubjectDataErased',
      data: { reason: 'Erasure request under Art. 17, ref DP-2026-014' },
      actor: { subject: 'dpo-1', role: 'data-protection' },
    });
    // Nothing personal is recorded for an erased subject any more.
    const late = await call(t.app, 'POST', '/v1/cases', thrombectomyCase({ notes: 'late' }), {
      token: pia,
    });
    expect([late.status, late.body['code']]).toEqual([422, 'SUBJECT_ERASED']);
  });

  it('erases a supervisor: their GMC number goes, their sign-offs still count for others', async () => {
    const before = await countsOf('trn-bob');
    // The case sup-eve signed counts for trn-bob.
    expect(before).toContain('"achieved":1');
    await post('/v1/subjects/sup-eve/erasures', { reason: 'Retention period ended' }, dpo);
    expect(await countsOf('trn-bob')).toEqual(before);
    const bobRecord = await get(`/v1/cases/${bobCase}`, panel);
    expect(JSON.stringify(bobRecord.body)).toContain('"signOff"');
    expect(filesContaining(t.dataDir, GMC)).toEqual([]);
    expect(filesContaining(t.dataDir, SUP_MARKER)).toEqual([]);
  });

  it('loses the key store without losing the ledger: personal fields read as unavailable', async () => {
    const dan = await t.token('trainee', 'trn-dan');
    await post('/v1/trainees', enrolment('trn-dan'), admin);
    const id = String(
      (await post('/v1/cases', thrombectomyCase({ notes: 'kept note' }), dan))['id'],
    );
    rmSync(join(t.dataDir, PERSONAL_DATA_KEYS_FILE));
    await new Promise((r) => setTimeout(r, 300));
    const record = await get(`/v1/cases/${id}`, dan);
    expect(record.status).toBe(200);
    expect(JSON.stringify(record.body)).toContain('[unavailable]');
    expect(JSON.stringify(record.body)).toContain('"performedOn"');
    expect((await get(`/v1/decisions/${decisionId}/replay`, panel)).body['identical']).toBe(true);
  });
});
