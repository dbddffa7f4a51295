// The provenance-bundle vectors (docs/ledger-format.md §8.3): a bundle and trust policy an
// outside verifier checks its implementation against, and tampered copies with the check
// that must refuse each. They are rebuilt here from fixed keys and times and must equal the
// committed files (UPDATE_VECTORS=1 rewrites them); then `inr-ledger verify`'s own path
// checks every committed file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyBundleText } from '../../apps/ledger-cli/src/ledger/verify-bundle-file';
import { buildBundleVectors, type BundleVectors } from './bundle-vectors';

const DIR = join(__dirname, 'bundle');
const read = (file: string): string => readFileSync(join(DIR, file), 'utf8');
type Expectation = { name: string; description: string; check: string; entry?: number };

function write(v: BundleVectors): void {
  mkdirSync(join(DIR, 'tampered'), { recursive: true });
  writeFileSync(join(DIR, 'trust-policy.txt'), v.policy);
  writeFileSync(join(DIR, 'valid.bundle'), v.valid);
  for (const t of v.tampered) writeFileSync(join(DIR, 'tampered', `${t.name}.bundle`), t.text);
  const expectations = v.tampered.map(({ text: _text, ...e }) => e);
  writeFileSync(join(DIR, 'tampered.json'), `${JSON.stringify(expectations, null, 2)}\n`);
}

const expectations = (): Expectation[] => JSON.parse(read('tampered.json')) as Expectation[];

describe('provenance bundle vectors', () => {
  let built: BundleVectors;
  beforeAll(async () => {
    built = await buildBundleVectors();
    if (process.env['UPDATE_VECTORS'] === '1') write(built);
  });

  it('are rebuilt byte for byte from fixed keys, ids and times', () => {
    // A deliberate change to events, the evaluation or the bundle: UPDATE_VECTORS=1 npx jest tests/vectors/bundle-vectors
    const stale = [
      read('trust-policy.txt') === built.policy ? [] : ['trust-policy.txt'],
      read('valid.bundle') === built.valid ? [] : ['valid.bundle'],
      ...built.tampered.map((t) =>
        read(`tampered/${t.name}.bundle`) === t.text ? [] : [`tampered/${t.name}.bundle`],
      ),
    ].flat();
    expect(stale).toEqual([]);
    expect(expectations()).toEqual(built.tampered.map(({ text: _text, ...e }) => e));
  });

  it('the valid bundle passes every check, the decision re-evaluated', async () => {
    const result = await verifyBundleText(read('valid.bundle'), read('trust-policy.txt'));
    expect(result).toMatchObject({
      ok: true,
      report: { cosigners: ['W1', 'W2'], evidenceCommitted: true, decisionReEvaluated: true },
    });
  });

  it.each(expectations().map((e) => [e.name, e] as const))(
    '%s is refused at the stated check',
    async (name, e) => {
      const result = await verifyBundleText(
        read(`tampered/${name}.bundle`),
        read('trust-policy.txt'),
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect({
        check: result.check,
        ...(e.entry !== undefined && { entry: result.entry }),
      }).toEqual({
        check: e.check,
        ...(e.entry !== undefined && { entry: e.entry }),
      });
    },
  );
});
