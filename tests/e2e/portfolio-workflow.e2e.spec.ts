import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { runCli } from '../../apps/ledger-cli/src/main';
import { accreditation, daysAgo, enrolment, RVI, thrombectomyCase } from './support/fixtures';
import { call, startTestApp, type CallResult, type TestApp } from './support/test-app';

// The trainee's and the supervisor's week (issue 19): a trainee asks a named assessor for an
// assessment and the assessor completes it from their queue; a supervisor signs off 20 cases
// in one request (all or nothing, idempotent), correcting one supervision level; the trainee
// exports the logbook as CSV and PDF; reflections stay private unless shared. One app.

const CASES = 20;

interface QueueItem {
  kind: string;
  caseId?: string;
  requestId?: string;
  note?: string;
  operatorRole?: string;
  supervisionLevel?: number;
  details?: { occlusionSite?: string };
}

describe('portfolio workflow: requests, the queue, bulk sign-off, logbook, reflections', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const caseIds: string[] = [];

  const post = (token: string, url: string, body: unknown, key?: string) =>
    call(t.app, 'POST', url, body, { token, ...(key && { key }) });
  const get = (token: string, url: string) => call(t.app, 'GET', url, undefined, { token });
  const created = async (res: Promise<CallResult>): Promise<Record<string, unknown>> => {
    const r = await res;
    if (r.status !== 201) throw new Error(`${r.status} ${r.text}`);
    return r.body;
  };

  /** A queue once the read models have caught up with every write so far. */
  const queueOf = async (supervisorId: string): Promise<QueueItem[]> => {
    const head = await t.store.count();
    for (let i = 0; i < 200; i++) {
      const res = await get(tokens[supervisorId]!, `/v1/supervisors/${supervisorId}/queue`);
      expect(res.status).toBe(200);
      if (Number(res.body['ledgerSize']) >= head) return res.body['items'] as QueueItem[];
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('read models did not catch up');
  };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.token('admin', 'adm-1');
    tokens['trn-pat'] = await t.token('trainee', 'trn-pat');
    tokens['sup-ann'] = await t.token('supervisor', 'sup-ann');
    tokens['sup-bob'] = await t.token('supervisor', 'sup-bob');
    tokens['pnl-1'] = await t.token('panel', 'pnl-1', 'salford');
    await created(post(admin, '/v1/trainees', enrolment('trn-pat')));
    await created(post(admin, '/v1/supervisors/sup-ann/accreditations', accreditation()));
    await created(
      post(
        admin,
        '/v1/supervisors/sup-bob/accreditations',
        accreditation({ gmcNumber: '7023456' }),
      ),
    );
    for (let i = 0; i < CASES; i++) {
      const body = thrombectomyCase({ localRef: `MT-PW-${i}`, performedOn: daysAgo(30 - i) });
      caseIds.push(String((await created(post(tokens['trn-pat'], '/v1/cases', body)))['id']));
    }
  });
  afterAll(() => t.close());

  it('a trainee asks a named assessor for an assessment; it waits in that queue and the assessor completes it there', async () => {
    const requestId = String(
      (
        await created(
          post(tokens['trn-pat']!, '/v1/trainees/trn-pat/assessment-requests', {
            assessorId: 'sup-bob',
            assessmentType: 'Rad-DOPS',
            procedure: 'mechanical-thrombectomy',
            caseId: caseIds[0],
            note: 'The tandem lesion case, please',
          }),
        )
      )['id'],
    );
    const bobs = await queueOf('sup-bob');
    expect(bobs).toEqual([
      expect.objectContaining({
        kind: 'assessment-request',
        requestId,
        traineeId: 'trn-pat',
        assessmentType: 'Rad-DOPS',
        caseId: caseIds[0],
        note: 'The tandem lesion case, please',
      }),
    ]);
    // Not in anyone else's queue; another reader of Bob's queue does not see the trainee's note.
    expect((await queueOf('sup-ann')).some((i) => i.requestId === requestId)).toBe(false);
    const asDirector = await get(
      await t.token('medical-director', 'md-1'),
      '/v1/supervisors/sup-bob/queue',
    );
    expect(asDirector.body['items']).toEqual([
      expect.not.objectContaining({ note: expect.anything() }),
    ]);

    // Ann cannot answer a request addressed to Bob.
    const wrong = await post(tokens['sup-ann']!, '/v1/trainees/trn-pat/assessments', {
      assessmentType: 'Rad-DOPS',
      outcome: 'satisfactory',
      performedOn: daysAgo(1),
      requestId,
    });
    expect([wrong.status, wrong.body['code']]).toEqual([422, 'REQUEST_NOT_OPEN']);

    const done = await post(tokens['sup-bob']!, '/v1/trainees/trn-pat/assessments', {
      assessmentType: 'Rad-DOPS',
      procedure: 'mechanical-thrombectomy',
      outcome: 'satisfactory',
      performedOn: daysAgo(1),
      comment: 'Safe, efficient access.',
      requestId,
    });
    expect(done.status).toBe(201);
    expect(await queueOf('sup-bob')).toEqual([]);
    const again = await post(tokens['sup-bob']!, '/v1/trainees/trn-pat/assessments', {
      assessmentType: 'Rad-DOPS',
      outcome: 'satisfactory',
      performedOn: daysAgo(1),
      requestId,
    });
    expect([again.status, again.body['code']]).toEqual([422, 'REQUEST_NOT_OPEN']);
  });

  it('the trainee who asked withdraws a request: it leaves the queue and answering it is refused', async () => {
    const ask = {
      assessorId: 'sup-bob',
      assessmentType: 'CbD',
      note: 'Asked by mistake',
    };
    const requestId = String(
      (await created(post(tokens['trn-pat']!, '/v1/trainees/trn-pat/assessment-requests', ask)))[
        'id'
      ],
    );
    expect((await queueOf('sup-bob')).map((i) => i.requestId)).toEqual([requestId]);
    const url = `/v1/trainees/trn-pat/requests/${requestId}/withdrawal`;
    const before = await t.store.count();
    // Only the trainee who asked: not another trainee, not the person asked.
    for (const token of [await t.token('trainee', 'trn-zed'), tokens['sup-bob']!]) {
      expect((await post(token, url, {})).status).toBe(403);
    }
    expect(await t.store.count()).toBe(before);

    await created(post(tokens['trn-pat']!, url, { reason: 'Wrong assessor' }));
    expect(await queueOf('sup-bob')).toEqual([]);
    const answer = await post(tokens['sup-bob']!, '/v1/trainees/trn-pat/assessments', {
      assessmentType: 'CbD',
      outcome: 'satisfactory',
      performedOn: daysAgo(1),
      requestId,
    });
    expect([answer.status, answer.body['code']]).toEqual([422, 'REQUEST_WITHDRAWN']);
    const bulk = await post(tokens['sup-bob']!, '/v1/supervisors/sup-bob/queue/sign-offs', {
      items: [
        { kind: 'assessment-request', traineeId: 'trn-pat', requestId, outcome: 'satisfactory' },
      ],
    });
    expect(bulk.body).toMatchObject({
      code: 'BULK_SIGN_OFF_REFUSED',
      errors: [{ field: 'items.0', code: 'REQUEST_WITHDRAWN' }],
    });
    const twice = await post(tokens['trn-pat']!, url, {});
    expect([twice.status, twice.body['code']]).toEqual([422, 'REQUEST_WITHDRAWN']);
    const unknown = await post(
      tokens['trn-pat']!,
      '/v1/trainees/trn-pat/requests/no-such-request/withdrawal',
      {},
    );
    expect([unknown.status, unknown.body['code']]).toEqual([422, 'REQUEST_NOT_FOUND']);
    expect(await t.store.count()).toBe(before + 1);
  });

  it('the queue shows cases with what a supervisor needs to decide, and competency requests', async () => {
    await created(
      post(tokens['trn-pat']!, '/v1/trainees/trn-pat/competency-requests', {
        competencyId: 'mt-technical-skills',
        signerId: 'sup-ann',
        institutionId: RVI,
      }),
    );
    const items = await queueOf('sup-ann');
    expect(items.filter((i) => i.kind === 'case').map((i) => i.caseId)).toEqual(caseIds);
    expect(items[0]).toMatchObject({
      operatorRole: 'primary-supervised',
      supervisionLevel: 2,
      performedOn: daysAgo(30),
      institutionId: RVI,
      details: { occlusionSite: 'M1', finalEtici: '2b67' },
    });
    expect(items[0]).not.toHaveProperty('localRef');
    expect(items.filter((i) => i.kind === 'competency-request')).toHaveLength(1);
  });

  it('signs off 20 cases in one request, one event per case, all or nothing, idempotent', async () => {
    const ann = tokens['sup-ann']!;
    const items = caseIds.map((caseId, i) => ({
      kind: 'case',
      caseId,
      ...(i === 0 && { entrustment: 4, supervisionLevel: 3 }),
    }));
    // One bad item refuses the whole request, naming each refused item's rule; nothing written.
    const before = await t.store.count();
    const refused = await post(ann, '/v1/supervisors/sup-ann/queue/sign-offs', {
      items: [...items, { kind: 'case', caseId: 'no-such-case' }, items[1]],
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'BULK_SIGN_OFF_REFUSED',
      errors: [
        { field: `items.${CASES}`, code: 'NOT_FOUND' },
        { field: `items.${CASES + 1}`, code: 'DUPLICATE_ITEM' },
      ],
    });
    expect(await t.store.count()).toBe(before);
    // Another supervisor cannot use Ann's queue.
    const bob = await post(tokens['sup-bob']!, '/v1/supervisors/sup-ann/queue/sign-offs', {
      items,
    });
    expect(bob.status).toBe(403);

    const key = 'bulk-sign-off-20';
    const signed = await post(ann, '/v1/supervisors/sup-ann/queue/sign-offs', { items }, key);
    expect(signed.status).toBe(201);
    const results = signed.body['items'] as Array<{ eventIds: string[]; streamId: string }>;
    expect(results.map((r) => r.streamId)).toEqual(caseIds.map((id) => `case-${id}`));
    // One sign-off per case; the first also carries its supervision-level correction.
    expect(results.map((r) => r.eventIds.length)).toEqual([2, ...Array(CASES - 1).fill(1)]);
    expect(await t.store.count()).toBe(before + CASES + 1);

    const retry = await post(ann, '/v1/supervisors/sup-ann/queue/sign-offs', { items }, key);
    expect([retry.status, retry.body]).toEqual([201, signed.body]);
    expect(await t.store.count()).toBe(before + CASES + 1);

    const left = await queueOf('sup-ann');
    expect(left.map((i) => i.kind)).toEqual(['competency-request']);

    // The correction is its own event, by the supervisor, before the sign-off that rates it.
    const first = await get(ann, `/v1/cases/${caseIds[0]}`);
    const history = first.body['history'] as Array<{
      type: string;
      data: Record<string, unknown>;
      actor: { subject: string };
    }>;
    expect(history.map((e) => e.type)).toEqual([
      'CaseLogged',
      'CaseSupervisionLevelCorrected',
      'CaseSignedOff',
    ]);
    expect(history[1]).toMatchObject({ data: { from: 2, to: 3 }, actor: { subject: 'sup-ann' } });
    expect(history[2]?.data).toMatchObject({ entrustment: 4 });
  });

  it('exports the logbook as CSV and as a printable PDF with the case count', async () => {
    const csv = await get(tokens['trn-pat']!, '/v1/trainees/trn-pat/logbook?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.text
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    const column = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(CASES);
    expect(rows.map((r) => r[column('case_id')])).toEqual(caseIds);
    expect(new Set(rows.map((r) => r[column('sign_off')]))).toEqual(new Set(['signed-off']));
    expect(rows.map((r) => r[column('supervision_level')])).toEqual([
      '3',
      ...Array(CASES - 1).fill('2'),
    ]);
    expect(rows[0]![column('entrustment')]).toBe('4');

    const pdf = await call(t.app, 'GET', '/v1/trainees/trn-pat/logbook?format=pdf', undefined, {
      token: tokens['trn-pat']!,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = Buffer.from(pdf.text, 'latin1');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdfText(bytes.toString('latin1'))).toContain(`Cases logged: ${CASES}`);

    // The CLI writes the same logbook from the running server.
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const out = mkdtempSync(join(tmpdir(), 'inr-logbook-'));
    const file = join(out, 'logbook.csv');
    const args = ['logbook', 'trn-pat', '-o', file, '--url', `http://127.0.0.1:${port}`];
    expect(await runCli([...args, '--token', tokens['trn-pat']!, '--data-dir', t.dataDir])).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(csv.text);
    rmSync(out, { recursive: true, force: true });

    // Another trainee may not export it.
    const other = await get(await t.token('trainee', 'trn-other'), '/v1/trainees/trn-pat/logbook');
    expect(other.status).toBe(403);
  });

  it('reflections are private to the trainee unless shared with named supervisors or the panel', async () => {
    const trainee = tokens['trn-pat']!;
    const id = String(
      (
        await created(
          post(trainee, '/v1/trainees/trn-pat/reflections', {
            title: 'A slow groin puncture',
            text: 'Arrival to puncture was 40 minutes; I will prepare the access kit earlier.',
            sharedWith: { supervisorIds: ['sup-ann'], panel: false },
          }),
        )
      )['id'],
    );
    const titles = async (token: string) => {
      const res = await get(token, '/v1/trainees/trn-pat/reflections');
      expect(res.status).toBe(200);
      return (res.body['reflections'] as Array<{ title: string }>).map((r) => r.title);
    };
    expect(await titles(trainee)).toEqual(['A slow groin puncture']);
    expect(await titles(tokens['sup-ann']!)).toEqual(['A slow groin puncture']);
    expect(await titles(tokens['sup-bob']!)).toEqual([]);
    expect(await titles(tokens['pnl-1']!)).toEqual([]);
    // Bob reads the trainee's record (same trust) but not the reflection in its history.
    const record = await get(tokens['sup-bob']!, '/v1/trainees/trn-pat');
    expect(record.text).not.toContain('groin puncture');

    await created(
      post(trainee, `/v1/trainees/trn-pat/reflections/${id}/sharing`, {
        sharedWith: { supervisorIds: [], panel: true },
      }),
    );
    expect(await titles(tokens['sup-ann']!)).toEqual([]);
    expect(await titles(tokens['pnl-1']!)).toEqual(['A slow groin puncture']);
  });
});

/** The text a PDF shows: its content streams' strings (hex or literal), inflated if needed. */
function pdfText(pdf: string): string {
  const streams = [...pdf.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const raw = m[1] ?? '';
    try {
      return inflateSync(Buffer.from(raw, 'latin1')).toString('latin1');
    } catch {
      return raw;
    }
  });
  return streams
    .flatMap((s) => [...s.matchAll(/\[(.*?)\]\s*TJ/g)].map((m) => m[1] ?? ''))
    .map((array) =>
      [...array.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)]
        .map((p) =>
          p[1] !== undefined ? Buffer.from(p[1], 'hex').toString('latin1') : (p[2] ?? ''),
        )
        .join(''),
    )
    .join('\n');
}
