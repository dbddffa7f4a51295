import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../fault/ledger-cli-runner';

const root = resolve(__dirname, '..', '..');
const run = promisify(execFile);

/** `inr-ledger demo …` as a user runs it: its own process, real exit code, no colour (a pipe). */
async function demo(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', EVENTSTORE_URL: '' };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        '--require',
        './tests/support/register-ts.js',
        'apps/ledger-cli/src/main.ts',
        'demo',
        ...args,
      ],
      { cwd: root, env, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? '', err: failed.stderr ?? '' };
  }
}

describe('inr-ledger demo --no-serve', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'inr-demo-')), 'data-demo');
  let first: { code: number; out: string; err: string };

  // Seeding ~16k events through the deciders and exporting an audit bundle: minutes under load.
  beforeAll(async () => {
    first = await demo(['--no-serve', '--data-dir', dataDir]);
  }, 300_000);
  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('tells the story: who was credentialed, on what evidence, what was not, and the cosigned checkpoint', () => {
    expect(first.err).not.toMatch(/error:/);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /Credentialed \(synthetic-mt-training@1\.1\.0\):\n {2}trn-\w+ [a-z-]+ [\w-]+, inst-\w+: granted/,
    );
    expect(first.out).toMatch(/evidence: mt-primary \d+\/25/);
    expect(first.out).toMatch(/signed off by \d+ distinct supervisors/);
    expect(first.out).toMatch(/: (refused|deferred) \d{4}-\d{2}-\d{2}: /);
    // The checkpoint covers at least every event the story counted (the generator's size moves
    // whenever its data does; determinism is the bench's and the generator's own test's concern).
    const counted = Number(/([\d,]+) events in /.exec(first.out)?.[1]?.replace(/,/g, ''));
    const size = Number(
      /size ([\d,]+) root [A-Za-z0-9+/]{43}=/.exec(first.out)?.[1]?.replace(/,/g, ''),
    );
    expect(counted).toBeGreaterThan(1000);
    expect(size).toBeGreaterThanOrEqual(counted);
    expect(first.out).toContain('cosigned by partner-trust.example/witness');
    // The trust's audit, recomputed offline from its bundle, with FPE and mFPE apart.
    expect(first.out).toMatch(/Trust audit of inst-\w+, verified offline:/);
    expect(first.out).toMatch(/FPE \(2c\/3, one pass\) \d+\/\d+ \([\d.]+%\); mFPE/);
    expect(first.out).toMatch(/door-to-reperfusion median [\d.]+ min/);
    // The generator's co-operators count once, and its follow-ups give outcome figures.
    const [, procedures, logs] = /(\d+) procedures from (\d+) logs/.exec(first.out) ?? [];
    expect(Number(procedures)).toBeLessThan(Number(logs));
    expect(first.out).toMatch(
      /follow-up: sICH on the 24 h scan \d+\/\d+ \([\d.]+%\); mRS 0-2 at 90 days \d+\/\d+ \([\d.]+%\); mortality \d+\/\d+/,
    );
    expect(first.out).toMatch(
      /inr-ledger verify \S+bundle-dec-\w+\.json --policy \S+trust-policy\.txt/,
    );
  });

  it('leaves a bundle that `inr-ledger verify` accepts under the written trust policy', async () => {
    const [, bundle, policy] = /inr-ledger verify (\S+) --policy (\S+)/.exec(first.out) ?? [];
    expect(bundle).toBe(join(dataDir, /bundle-dec-\w+\.json/.exec(first.out)?.[0] ?? 'missing'));
    expect(existsSync(bundle!)).toBe(true);
    expect(readFileSync(policy!, 'utf8')).toMatch(
      /^witness partner .*\ngroup partners 1 partner\nquorum partners\n/m,
    );
    const verified = await runCli(['verify', bundle!, '--policy', policy!]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('cosigned by: partner');
    expect(verified.out).toContain('decision re-evaluated and reproduced');
  });

  it('issues portable credentials, suspends one, and `inr-ledger verify-credential` checks both offline', async () => {
    const [, issued] =
      /Portable credentials \(Open Badges 3\.0, eddsa-rdfc-2022\): (\d+) issued/.exec(first.out) ??
      [];
    expect(Number(issued)).toBeGreaterThanOrEqual(2);
    const files = (status: string) =>
      new RegExp(`(\\S+credential-[\\w-]+\\.json): ${status}\\n`).exec(first.out)?.[1];
    const valid = files('valid')!;
    const suspended = files('suspended')!;
    const [, policy] = /inr-ledger verify \S+ --policy (\S+)/.exec(first.out) ?? [];
    const saved = [
      '--did',
      join(dataDir, 'issuer-did.json'),
      '--status-list',
      join(dataDir, 'status-list-revocation-0.json'),
      '--status-list',
      join(dataDir, 'status-list-suspension-0.json'),
    ];
    // The valid credential names the decision whose bundle the demo exported: its provenance
    // is checked under the trust policy too.
    const decision = /\/v1\/decisions\/([\w-]+)\/provenance/.exec(readFileSync(valid, 'utf8'))?.[1];
    const bundle = join(dataDir, `bundle-${decision}.json`);
    expect(existsSync(bundle)).toBe(true);
    const ok = await runCli([
      'verify-credential',
      valid,
      ...saved,
      '--policy',
      policy!,
      '--bundle',
      bundle,
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('suspension: not set');
    expect(ok.out).toContain(`provenance: decision ${decision} at leaf`);
    const refused = await runCli(['verify-credential', suspended, ...saved]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('suspension: SET');
  });

  it('refuses to overwrite the data directory without --force (exit 2)', async () => {
    const second = await demo(['--no-serve', '--data-dir', dataDir]);
    expect(second.code).toBe(2);
    expect(second.err).toContain('is not empty');
    expect(second.out).toBe('');
  }, 60_000);
});
