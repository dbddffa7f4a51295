import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliFromSource } from '../support/run-cli';

// Finding 7: with NODE_ENV=production and no identity provider, the server created a local key
// and accepted an admin token minted by `inr-ledger token`. Now the real `serve` refuses to
// start: a clear message, exit 3, no hang, nothing written. (--dev-keys and the token checks:
// tests/e2e/finding-7-identity.e2e.spec.ts.)
describe('finding 7: serve in production without an identity provider', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'inr-prod-start-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 3 naming the settings it needs, and creates no development key', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1' };
    for (const name of ['LEDGER_JWKS_URL', 'LEDGER_JWT_ISSUER', 'LEDGER_JWT_AUDIENCE'])
      delete env[name];
    const run = runCliFromSource(['serve', '--port', '0', '--data-dir', dataDir], env);
    expect(run.signal).toBeNull(); // not killed by the timeout: it did not hang
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('inr-ledger cannot start');
    expect(run.stderr).toContain(
      'NODE_ENV=production needs an identity provider: set LEDGER_JWKS_URL, LEDGER_JWT_ISSUER and LEDGER_JWT_AUDIENCE',
    );
    expect(run.stderr).toContain('--dev-keys');
    expect(readdirSync(dataDir)).toEqual([]); // no dev-jwt.key, no store
  }, 180_000);
});
