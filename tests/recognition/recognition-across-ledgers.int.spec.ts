import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TraineeBundle } from '@inr/ledger';
import {
  cosignatureVerifierKey,
  ed25519VerifierKey,
  formatSignerKey,
  generateNoteKey,
} from '@inr/transparency';
import { testPathwayDocument } from '../../libs/projections/src/testing/test-pathway';
import { enrolment } from '../e2e/support/fixtures';
import { runCli } from '../fault/ledger-cli-runner';
import { startLedgerServer, type LedgerServer } from '../fault/ledger-server';
import { until } from '../support/until';

// Two ledgers as separate processes with their own keys, each witnessing the other: trust A
// holds a trainee's cases, trust B recognises them, and a third party (C) verifies B's bundle
// of the trainee, with A's evidence inside, offline with a policy that lists both logs.
const A = 'trust-a.example/inr-ledger';
const B = 'trust-b.example/inr-ledger';

/** A free port now, so each ledger can be told the other's URL before either starts. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

describe('training recognised across institutions (two ledgers, separate processes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inr-recognition-'));
  const keyA = generateNoteKey(A);
  const keyB = generateNoteKey(B);
  const witnessA = generateNoteKey('trust-a.example/witness');
  const witnessB = generateNoteKey('trust-b.example/witness');
  let a: LedgerServer | undefined;
  let b: LedgerServer | undefined;
  let fromA: TraineeBundle;
  let recognitionId = '';
  let sent = 0;

  const request = async (
    server: LedgerServer,
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: unknown,
    type = 'application/json',
  ) => {
    const res = await fetch(server.url + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': type, 'idempotency-key': `k-${++sent}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
  };
  /** A read-model GET, retried while the projections catch up with a write just made. */
  const readModel = (server: LedgerServer, method: 'GET', path: string, token: string) =>
    until(
      () => request(server, method, path, token),
      (res) => res.status !== 404,
    );
  const recognise = (bundle: unknown, scope: unknown = { kind: 'all' }) =>
    request(
      b!,
      'POST',
      '/v1/trainees/trn-b-1/recognitions',
      b!.tokens.panel,
      { bundle, scope, reason: 'Supervised cases at trust A before the move' },
      'application/vnd.inr-ledger.recognition+json',
    );
  /** C's policy: both logs, and either trust's witness on each checkpoint. */
  const policyC = (): string => {
    const file = join(dir, 'policy-c.txt');
    writeFileSync(
      file,
      [
        `log ${ed25519VerifierKey(keyA)}`,
        `log ${ed25519VerifierKey(keyB)}`,
        `witness WA ${cosignatureVerifierKey(witnessA)}`,
        `witness WB ${cosignatureVerifierKey(witnessB)}`,
        'group partner 1 WA WB',
        'quorum partner',
        '',
      ].join('\n'),
    );
    return file;
  };
  const copy = (): TraineeBundle => JSON.parse(JSON.stringify(fromA)) as TraineeBundle;
  const count = async (server: LedgerServer) => Number((await server.flush()).toString());

  beforeAll(async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const witnessUrl = (port: number) => `http://127.0.0.1:${port}/v1/witness`;
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify({
        name: witnessA.name,
        logs: [{ origin: B, vkey: ed25519VerifierKey(keyB) }],
        witnesses: [{ name: 'WB', vkey: cosignatureVerifierKey(witnessB), url: witnessUrl(portB) }],
      }),
    );
    writeFileSync(
      join(dir, 'b.json'),
      JSON.stringify({
        name: witnessB.name,
        logs: [{ origin: A, vkey: ed25519VerifierKey(keyA) }],
        witnesses: [{ name: 'WA', vkey: cosignatureVerifierKey(witnessA), url: witnessUrl(portA) }],
      }),
    );
    // B recognises evidence from A's log only when B's own witness cosigned A's checkpoint.
    writeFileSync(
      join(dir, 'b-partners.txt'),
      `log ${ed25519VerifierKey(keyA)}\nwitness WB ${cosignatureVerifierKey(witnessB)}\nquorum WB\n`,
    );
    [a, b] = await Promise.all([
      startLedgerServer({
        TEST_PORT: String(portA),
        LEDGER_ORIGIN: A,
        LEDGER_SIGNING_KEY: formatSignerKey(keyA),
        LEDGER_WITNESS_CONFIG: join(dir, 'a.json'),
        LEDGER_WITNESS_SIGNING_KEY: formatSignerKey(witnessA),
        SEED_DECISION_LEDGER: '1',
      }),
      startLedgerServer({
        TEST_PORT: String(portB),
        LEDGER_ORIGIN: B,
        LEDGER_SIGNING_KEY: formatSignerKey(keyB),
        LEDGER_WITNESS_CONFIG: join(dir, 'b.json'),
        LEDGER_WITNESS_SIGNING_KEY: formatSignerKey(witnessB),
        LEDGER_RECOGNITION_POLICY: join(dir, 'b-partners.txt'),
        TEST_TOKENS: JSON.stringify({
          accreditor: {
            role: 'accreditor',
            sub: 'acc-b',
            institution: 'trust-b',
            publishesFor: 'trust-b',
          },
          trainee: { role: 'trainee', sub: 'trn-b-1', institution: 'trust-b' },
          // The member who recognised the evidence vouched for it: another member decides.
          panel2: { role: 'panel', sub: 'panel-2', institution: 'trust-b' },
        }),
      }),
    ]);
    await Promise.all([a.flush(), b.flush()]);
    // The trainee exports their own record at A (their own token).
    const exported = await request(a, 'GET', '/v1/trainees/tr-1/bundle', a.tokens.trainee1);
    expect(exported.status).toBe(200);
    fromA = exported.body as unknown as TraineeBundle;
    const enrolled = await request(b, 'POST', '/v1/trainees', b.tokens.admin, enrolment('trn-b-1'));
    expect(enrolled.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("A's trainee bundle is cosigned by B's witness and verifies offline under a policy for A", async () => {
    expect(fromA.checkpoint).toContain(`— ${witnessB.name} `);
    const file = join(dir, 'from-a.json');
    writeFileSync(file, JSON.stringify(fromA));
    writeFileSync(join(dir, 'policy-a.txt'), `log ${ed25519VerifierKey(keyA)}\nquorum none\n`);
    const r = await runCli(['verify', file, '--policy', join(dir, 'policy-a.txt')]);
    expect(r.out).toContain(`verified trainee tr-1 on ${A}`);
    expect(r.code).toBe(0);
  });

  it('B refuses an unknown log, a tampered event, a dropped event and a checkpoint B did not cosign, writing nothing', async () => {
    const before = await count(b!);
    const unknown = copy();
    unknown.checkpoint = unknown.checkpoint.replace(A, 'elsewhere.example/inr-ledger');
    const tampered = copy();
    const i = tampered.events.findIndex((e) => e.leaf.includes('"CaseLogged"'));
    tampered.events[i]!.leaf = tampered.events[i]!.leaf.replace('2025-03-01', '2025-02-01');
    const dropped = copy();
    dropped.events.splice(
      dropped.events.findIndex((e) => e.leaf.includes('"CaseSignedOff"')),
      1,
    );
    const uncosigned = copy();
    uncosigned.checkpoint = uncosigned.checkpoint
      .split('\n')
      .filter((line) => !line.startsWith(`— ${witnessB.name} `))
      .join('\n');
    const codes = [];
    for (const bundle of [unknown, tampered, dropped, uncosigned])
      codes.push((await recognise(bundle)).body['code']);
    expect(codes).toEqual([
      'RECOGNITION_UNKNOWN_LOG',
      'RECOGNITION_PROOF_FAILED',
      'RECOGNITION_INCOMPLETE_BUNDLE',
      'RECOGNITION_QUORUM_NOT_MET',
    ]);
    expect(await count(b!)).toBe(before);
  });

  it('B recognises the verified bundle once: a replay is the same recognition, nothing written twice', async () => {
    const first = await recognise(fromA);
    // With the refusal's code and detail beside the status: a rare 422 here is not explained yet.
    expect({ status: first.status, problem: first.body['code'] && first.body }).toEqual({
      status: 201,
      problem: undefined,
    });
    recognitionId = String(first.body['id']);
    const after = await count(b!);
    const replay = await recognise(fromA);
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({ id: recognitionId, eventIds: first.body['eventIds'] });
    expect(await count(b!)).toBe(after);
  });

  it("B's panel grants on a pathway that counts external evidence; C verifies the decision and A's evidence offline", async () => {
    const document: Record<string, unknown> = {
      ...testPathwayDocument('1.0.0', 4),
      id: 'trust-b-mt',
      issuer: 'trust-b',
    };
    const requirement = (document['requirements'] as Record<string, Record<string, unknown>>[])[0]!;
    requirement['filter'] = { ...requirement['filter'], externalEvidence: true };
    const published = await request(
      b!,
      'POST',
      '/v1/pathways/trust-b-mt/versions',
      b!.tokens['accreditor']!,
      {
        document,
        changeNote: 'Cases recognised from partner trusts count',
      },
    );
    expect(published.status).toBe(201);
    const applied = await request(b!, 'POST', '/v1/applications', b!.tokens['trainee']!, {
      pathwayId: 'trust-b-mt',
      pathwayVersion: '1.0.0',
    });
    expect(applied.status).toBe(201);
    const decided = await request(
      b!,
      'POST',
      `/v1/applications/${String(applied.body['id'])}/decisions`,
      b!.tokens['panel2']!,
      {
        outcome: 'granted',
        reasons: "Four signed-off thrombectomies at trust A, recognised from A's ledger",
      },
    );
    // Granted without an override: the evaluation counted A's four cases.
    expect(decided.status).toBe(201);
    const decisionId = String(decided.body['id']);
    await b!.flush();
    // Provenance shows the counted cases as external, with where they come from.
    const provenance = await readModel(
      b!,
      'GET',
      `/v1/decisions/${decisionId}/provenance`,
      b!.tokens.panel,
    );
    expect(provenance).toMatchObject({ status: 200, body: { missingEventIds: [] } });
    const external = provenance.body['externalEvents'] as Record<string, unknown>[];
    expect(external).toHaveLength(4);
    expect(external[0]).toMatchObject({
      external: true,
      role: 'counted',
      origin: A,
      institutionId: 'trust-a',
      performedOn: '2025-03-01',
      recognitionId,
      checkpoint: { size: expect.any(Number), root: expect.any(String) },
      foreignLeafIndex: expect.any(Number),
    });
    const exported = await request(
      b!,
      'GET',
      `/v1/decisions/${decisionId}/bundle`,
      b!.tokens.panel,
    );
    expect(exported.body).toMatchObject({ format: 'inr-ledger-bundle/v2' });
    expect(exported.body['foreign']).toEqual([fromA]);
    const file = join(dir, 'decision-from-b.json');
    writeFileSync(file, JSON.stringify(exported.body));
    const verified = await runCli(['verify', file, '--policy', policyC()]);
    expect(verified.out).toContain(`verified ${B}`);
    expect(verified.out).toContain('decision re-evaluated and reproduced');
    expect(verified.out).toContain(`recognised from ${A} (trainee tr-1)`);
    expect(verified.code).toBe(0);
    // Without A's bundle, nothing shows that the cases B counted are A's.
    const stripped = JSON.parse(JSON.stringify(exported.body)) as { foreign: TraineeBundle[] };
    stripped.foreign = [];
    writeFileSync(file, JSON.stringify(stripped));
    const refused = await runCli(['verify', file, '--policy', policyC()]);
    expect(refused.out).toContain('FAILED check foreign');
    expect(refused.code).toBe(1);
  });

  it("B's bundle of the trainee carries A's evidence with A's proofs; C verifies both logs offline", async () => {
    const exported = await request(b!, 'GET', '/v1/trainees/trn-b-1/bundle', b!.tokens.panel);
    expect(exported.status).toBe(200);
    const fromB = exported.body as unknown as TraineeBundle;
    expect(fromB.foreign).toHaveLength(1);
    expect(fromB.foreign[0]!.checkpoint).toBe(fromA.checkpoint);
    const file = join(dir, 'from-b.json');
    writeFileSync(file, JSON.stringify(fromB));
    const both = policyC();
    const verified = await runCli(['verify', file, '--policy', both]);
    expect(verified.out).toContain(`verified trainee trn-b-1 on ${B}`);
    expect(verified.out).toContain(`recognised from ${A} (trainee tr-1)`);
    expect(verified.code).toBe(0);
    // C's policy without A's log cannot check A's evidence.
    const onlyB = join(dir, 'policy-b-only.txt');
    writeFileSync(
      onlyB,
      `log ${ed25519VerifierKey(keyB)}\nwitness WA ${cosignatureVerifierKey(witnessA)}\nquorum WA\n`,
    );
    const refused = await runCli(['verify', file, '--policy', onlyB]);
    expect(refused.out).toContain('FAILED check foreign');
    expect(refused.code).toBe(1);
  });

  it('a withdrawn recognition is recorded once; withdrawing it again is refused', async () => {
    const path = `/v1/trainees/trn-b-1/recognitions/${recognitionId}/withdrawal`;
    const reason = { reason: 'Trust A asked for the evidence to be reviewed' };
    expect((await request(b!, 'POST', path, b!.tokens.panel, reason)).status).toBe(201);
    // The evaluation follows: A's cases stop counting towards B's pathway.
    const achieved = async () => {
      const status = await request(b!, 'GET', '/v1/trainees/trn-b-1/status', b!.tokens.panel);
      const pathways = (status.body['pathways'] ?? []) as {
        pathwayId: string;
        evaluation: { requirements: { achieved: number }[] };
      }[];
      return pathways.find((p) => p.pathwayId === 'trust-b-mt')?.evaluation.requirements[0]
        ?.achieved;
    };
    await until(achieved, (n) => n === 0);
    const again = await request(b!, 'POST', path, b!.tokens.panel, reason);
    expect(again).toMatchObject({ status: 422, body: { code: 'RECOGNITION_ALREADY_WITHDRAWN' } });
  });
});
