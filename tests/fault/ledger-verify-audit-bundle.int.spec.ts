import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditBundle } from '@inr/ledger';
import type { AuditReport } from '@inr/projections';
import { canonicalJson } from '@inr/transparency';
import { runCli } from './ledger-cli-runner';
import { signedDataDir, type SignedDataDir } from './ledger-fixtures';

describe('inr-ledger export --audit + verify: a trust audit an outside reviewer recomputes', () => {
  let dir: SignedDataDir;
  let good: AuditBundle;
  let policyFile: string;

  async function verify(bundle: unknown): Promise<{ code: number; out: string }> {
    const file = join(dir.dataDir, `a-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(bundle));
    return runCli(['verify', file, '--policy', policyFile]);
  }
  const copy = (): AuditBundle & { report: AuditReport } =>
    JSON.parse(JSON.stringify(good)) as AuditBundle & { report: AuditReport };

  beforeAll(async () => {
    dir = await signedDataDir({ cases: 4 });
    policyFile = join(dir.dataDir, 'trust-policy.txt');
    writeFileSync(policyFile, dir.policy);
    const out = join(dir.dataDir, 'audit.json');
    const r = await runCli([
      'export',
      '--audit',
      'trust-a',
      '--from',
      '2025-01-01',
      '--to',
      '2025-12-31',
      '-o',
      out,
      '--data-dir',
      dir.dataDir,
    ]);
    expect(r).toMatchObject({ code: 0 });
    good = JSON.parse(readFileSync(out, 'utf8')) as AuditBundle;
  });
  afterAll(() => rmSync(dir.dataDir, { recursive: true, force: true }));

  it("holds the institution's case events with proofs, and a report stating its checkpoint", () => {
    const report = good.report as AuditReport;
    const types = good.events.map((e) => (JSON.parse(e.leaf) as { type: string }).type);
    expect(new Set(types)).toEqual(new Set(['CaseLogged', 'CaseSignedOff']));
    expect(report.checkpoint).toMatchObject({ origin: 'local-trust/inr-ledger' });
    expect(report.ledgerSize).toBe(report.checkpoint!.size);
    expect(good.checkpoint).toContain(`\n${report.ledgerSize}\n${report.checkpoint!.rootHash}\n`);
    const procedures = report.rows.find(
      (r) => r.procedure === 'mechanical-thrombectomy' && r.metric === 'procedures',
    );
    expect(procedures?.count).toBe(5); // the trainee's four and a colleague's one
  });

  it('verify recomputes the report offline and confirms it', async () => {
    const r = await verify(good);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/verified local-trust\/inr-ledger size \d+/);
    expect(r.out).toContain('audit report recomputed and confirmed');
  });

  it('rejects the bundle after one event is changed', async () => {
    const b = copy();
    const leaf = JSON.parse(b.events[0]!.leaf) as { data: { performedOn: string } };
    leaf.data.performedOn = '2025-03-02';
    b.events[0]!.leaf = canonicalJson(leaf as never);
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAILED check inclusion \(event 0, leaf \d+\)/);
  });

  it('rejects the bundle after one figure is changed, naming the figure', async () => {
    const b = copy();
    const row = b.report.rows.find((r) => r.metric === 'first-pass-effect')!;
    row.count -= 1;
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAILED check report');
    expect(r.out).toContain('mechanical-thrombectomy first-pass-effect');
  });

  it('rejects a bundle with an inconvenient event left out', async () => {
    const b = copy();
    b.events = b.events.filter(
      (e) => (JSON.parse(e.leaf) as { type: string }).type !== 'CaseSignedOff',
    );
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAILED check report');
  });

  it('export needs exactly one of --decision and --audit', async () => {
    const r = await runCli(['export', '-d', dir.dataDir]);
    expect(r.code).toBe(2);
  });
});
