import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProvenanceBundle } from '@inr/ledger';
import { loadConfig } from '@inr/ledger-api/config';
import { ed25519VerifierKey, generateNoteKey, toBase64 } from '@inr/transparency';
import { openLocalLedger } from '../../apps/ledger-cli/src/ledger/open-local-ledger';
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

  it.each(['CaseSignedOff', 'CredentialApplicationSubmitted', 'TraineeEnrolled'])(
    'one %s removed fails the evidence check (before decision)',
    async (type) => {
      const b = copy();
      const i = b.events.findIndex((_, k) => leafOf(b, k).type === type);
      const leafIndex = b.events[i]!.leafIndex;
      b.events.splice(i, 1);
      const r = await verify(b);
      expect(r.code).toBe(1);
      expect(r.out).toContain(
        `FAILED check evidence: leaf ${leafIndex}, committed to by the decision, is not in the bundle`,
      );
    },
  );

  it("one unrelated event added (another trainee's case, with a valid proof) fails the evidence check", async () => {
    const b = copy();
    const size = Number(b.checkpoint.split('\n')[1]);
    const ledger = await openLocalLedger(loadConfig({ LEDGER_DATA_DIR: dir.dataDir }));
    try {
      const all = await ledger.log.entries(0, size);
      const other = all.find((e) => Buffer.from(e.leaf).toString('utf8').includes('other-1'))!;
      b.events.push({
        leafIndex: other.index,
        leaf: Buffer.from(other.leaf).toString('utf8'),
        proof: ledger.log.inclusionProof(other.index, size).map(toBase64),
      });
    } finally {
      await ledger.close();
    }
    b.events.sort((x, y) => x.leafIndex - y.leafIndex);
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /FAILED check evidence \(event \d+, leaf \d+\): leaf \d+ is not in tr-1's record/,
    );
  });

  it('a decision edited in the bundle no longer matches its logged event', async () => {
    const b = copy();
    b.decision.record['outcome'] = 'refused';
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAILED check decision-leaf');
  });

  it('a leaf index written as 19.0 fails format, not inclusion', async () => {
    const file = join(dir.dataDir, 'decimal.json');
    const text = JSON.stringify(good);
    const index = good.events[2]!.leafIndex;
    writeFileSync(file, text.replace(`"leafIndex":${index},`, `"leafIndex":${index}.0,`));
    const r = await runCli(['verify', file, '--policy', policyFile]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'FAILED check format: events[2].leafIndex is not a non-negative integer',
    );
  });

  it('a decision recorded before evidence commitments needs --allow-uncommitted-evidence', async () => {
    const old = await signedDataDir({ cases: 4, uncommitted: true });
    try {
      const out = join(old.dataDir, 'dec-1.json');
      expect(
        await runCli(['export', '--decision', DECISION_ID, '-o', out, '-d', old.dataDir]),
      ).toMatchObject({ code: 0 });
      const policy = join(old.dataDir, 'policy.txt');
      writeFileSync(policy, old.policy);
      const refused = await runCli(['verify', out, '--policy', policy]);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain(
        'FAILED check evidence: the decision predates evidence commitments',
      );
      const allowed = await runCli([
        'verify',
        out,
        '--policy',
        policy,
        '--allow-uncommitted-evidence',
      ]);
      expect(allowed.code).toBe(0);
      expect(allowed.out).toContain('evidence NOT checked for completeness');
    } finally {
      rmSync(old.dataDir, { recursive: true, force: true });
    }
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
