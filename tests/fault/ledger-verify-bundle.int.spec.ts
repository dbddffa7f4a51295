import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProvenanceBundle } from '@inr/ledger';
import { ed25519VerifierKey, generateNoteKey } from '@inr/transparency';
import { runCli } from './ledger-cli-runner';
import { DECISION_ID, ORIGIN, signedDataDir, type SignedDataDir } from './ledger-fixtures';

describe('inr-ledger export + verify on a real sqlite data directory', () => {
  let dir: SignedDataDir;
  let good: ProvenanceBundle;
  let policyFile: string;

  /** Writes `bundle` (or a JSON-mangled copy of the good one) and verifies it. */
  async function verify(
    bundle: unknown,
    policy = policyFile,
  ): Promise<{ code: number; out: string }> {
    const file = join(dir.dataDir, `b-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(bundle));
    return runCli(['verify', file, '--policy', policy]);
  }
  const copy = (): ProvenanceBundle => JSON.parse(JSON.stringify(good)) as ProvenanceBundle;
  const leafOf = (b: ProvenanceBundle, i: number) =>
    JSON.parse(b.events[i]!.leaf) as { type: string; eventId: string; streamId: string };

  beforeAll(async () => {
    dir = await signedDataDir({ cases: 4 });
    policyFile = join(dir.dataDir, 'trust-policy.txt');
    writeFileSync(policyFile, dir.policy);
    const out = join(dir.dataDir, 'dec-1.json');
    const r = await runCli([
      'export',
      '--decision',
      DECISION_ID,
      '-o',
      out,
      '--data-dir',
      dir.dataDir,
    ]);
    expect(r).toMatchObject({ code: 0 });
    good = JSON.parse(readFileSync(out, 'utf8')) as ProvenanceBundle;
  });
  afterAll(() => rmSync(dir.dataDir, { recursive: true, force: true }));

  it("exports the trainee's history, the pathway publication and the decision, not other trainees' events", () => {
    const types = good.events.map((_, i) => leafOf(good, i).type);
    expect(types.filter((t) => t === 'CaseLogged')).toHaveLength(4);
    expect(types.filter((t) => t === 'CaseSignedOff')).toHaveLength(4);
    expect(types).toEqual(
      expect.arrayContaining([
        'PolicyPublished',
        'TraineeEnrolled',
        'CredentialApplicationSubmitted',
        'CredentialDecisionRecorded',
      ]),
    );
    expect(good.events.map((_, i) => leafOf(good, i).streamId)).not.toContain('case-other-1');
    expect(good.decision).toMatchObject({
      leafIndex: dir.decisionPosition,
      record: { decisionId: DECISION_ID, outcome: 'granted' },
    });
    expect(good.checkpoint.split('\n')[0]).toBe(ORIGIN);
  });

  it('verifies a good bundle: signature, 2-of-2 witnesses, every proof, the decision re-evaluated', async () => {
    const r = await verify(good);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`verified ${ORIGIN}`);
    expect(r.out).toContain('cosigned by: W1, W2');
    expect(r.out).toContain(
      `${good.events.length} events proven; decision re-evaluated and reproduced`,
    );
  });

  it('a flipped proof hash fails inclusion, naming the event and its leaf', async () => {
    const b = copy();
    const h = b.events[3]!.proof[0]!;
    b.events[3]!.proof[0] = (h[0] === 'A' ? 'B' : 'A') + h.slice(1);
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`FAILED check inclusion (event 3, leaf ${b.events[3]!.leafIndex})`);
  });

  it('a changed event fails inclusion', async () => {
    const b = copy();
    const i = b.events.findIndex((_, k) => leafOf(b, k).type === 'CaseLogged');
    b.events[i]!.leaf = b.events[i]!.leaf.replace(
      '"performedOn":"2025-03-01"',
      '"performedOn":"2025-03-02"',
    );
    expect(b.events[i]!.leaf).not.toBe(good.events[i]!.leaf);
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`FAILED check inclusion (event ${i},`);
  });

  it('a missing evidence event fails the decision check as evidence', async () => {
    const b = copy();
    const i = b.events.findIndex((_, k) => leafOf(b, k).type === 'CaseSignedOff');
    const id = leafOf(b, i).eventId;
    b.events.splice(i, 1);
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`FAILED check decision: evidence: event ${id}`);
  });

  it('a decision edited in the bundle no longer matches its logged event', async () => {
    const b = copy();
    (b.decision as { record: { outcome: string } }).record.outcome = 'refused';
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'FAILED check decision: decision: the decision differs from its logged event',
    );
  });

  it('an unknown log key fails log-signature', async () => {
    const other = join(dir.dataDir, 'other-policy.txt');
    writeFileSync(
      other,
      dir.policy.replace(dir.logVerifierKey, ed25519VerifierKey(generateNoteKey(ORIGIN))),
    );
    const r = await verify(good, other);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAILED check log-signature');
  });

  it('one cosignature fewer than the quorum fails witness-quorum', async () => {
    const b = copy();
    const lines = b.checkpoint.split('\n');
    b.checkpoint = [...lines.slice(0, -2), ''].join('\n'); // drop the last cosignature line
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAILED check witness-quorum');
  });

  it('an unreadable policy file is a usage error (exit 2)', async () => {
    const r = await verify(good, join(dir.dataDir, 'missing.txt'));
    expect(r.code).toBe(2);
  });

  it('a recorded evaluation the evaluator does not reproduce fails the decision check', async () => {
    const lying = await signedDataDir({ cases: 4, falseEvaluation: true });
    try {
      const out = join(lying.dataDir, 'dec-1.json');
      expect(
        await runCli(['export', '--decision', DECISION_ID, '-o', out, '-d', lying.dataDir]),
      ).toMatchObject({ code: 0 });
      const policy = join(lying.dataDir, 'policy.txt');
      writeFileSync(policy, lying.policy);
      const r = await runCli(['verify', out, '--policy', policy]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(
        /FAILED check decision: evaluation: .*mt-primary-signed achieved: recorded 5, replayed 4/,
      );
    } finally {
      rmSync(lying.dataDir, { recursive: true, force: true });
    }
  });

  it('a grant on an unmet evaluation without an override reason fails the outcome check', async () => {
    const short = await signedDataDir({ cases: 2 }); // the pathway wants 3 signed-off cases
    try {
      const out = join(short.dataDir, 'dec-1.json');
      expect(
        await runCli(['export', '--decision', DECISION_ID, '-o', out, '-d', short.dataDir]),
      ).toMatchObject({ code: 0 });
      const policy = join(short.dataDir, 'policy.txt');
      writeFileSync(policy, short.policy);
      const r = await runCli(['verify', out, '--policy', policy]);
      expect(r.code).toBe(1);
      expect(r.out).toContain(
        'FAILED check decision: outcome: granted although the evaluation is not met',
      );
    } finally {
      rmSync(short.dataDir, { recursive: true, force: true });
    }
  });

  it('an unknown decision is an environment error naming it', async () => {
    const r = await runCli(['export', '--decision', 'nope', '-d', dir.dataDir]);
    expect(r.code).toBe(3);
    expect(r.err).toContain("no decision 'nope'");
  });
});
