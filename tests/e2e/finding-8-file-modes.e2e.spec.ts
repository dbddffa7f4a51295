import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, LedgerRuntime } from '@inr/ledger-api';
import { issueDevelopmentToken, loadConfig } from '@inr/ledger-api/config';
import { accreditation } from './support/fixtures';
import { call } from './support/test-app';

// Finding 8: data files were world-readable (directory 0755, databases 0644). Now the data
// directory is 0700 and every file the ledger writes in it 0600, whatever the umask.

/** Every path under `dir` (itself included) with its permission bits, e.g. "events.sqlite 600". */
function modes(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string, name: string): void => {
    const stat = statSync(path);
    out.push(`${name} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory())
      for (const entry of readdirSync(path)) visit(join(path, entry), join(name, entry));
  };
  visit(dir, '.');
  return out;
}

/** Starts the app as `serve` does (it opens its own store), writes one event, signs a checkpoint. */
async function serveAndWrite(dataDir: string, logWriter?: (line: string) => void): Promise<void> {
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const app = await createApp(config, {
    shutdownHooks: false,
    logWriter: logWriter ?? (() => undefined),
  });
  try {
    await app.getHttpAdapter().getInstance().ready();
    const admin = await issueDevelopmentToken(
      { role: 'admin', sub: 'adm-1', institution: 'rvi' },
      dataDir,
    );
    const res = await call(app, 'POST', '/v1/supervisors/sup-ann/accreditations', accreditation(), {
      token: admin,
    });
    expect(res.status).toBe(201);
    await app.get(LedgerRuntime).flush();
  } finally {
    await app.close();
  }
}

describe('finding 8: data files are world-readable', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'inr-modes-'));
    umask = process.umask(0); // the most permissive umask: modes must not depend on it
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('creates a fresh data directory 0700 and every file in it 0600', async () => {
    const dataDir = join(root, 'data');
    await serveAndWrite(dataDir);
    const found = modes(dataDir);
    // What a start and a write leave behind: the stores (with SQLite's companions while
    // open), the log key, the credential issuer key and the development token key.
    for (const file of [
      'events.sqlite',
      'ledger.sqlite',
      'read-models.sqlite',
      'api.sqlite',
      'log-key',
      'issuer-key',
      'dev-jwt.key',
    ])
      expect(found).toContain(`${join('.', file)} 600`);
    expect(found).toContain('. 700');
    expect(found.filter((line) => !/ (600|700)$/.test(line))).toEqual([]);
  });

  it('tightens an existing directory and its files at start, and says so', async () => {
    const dataDir = join(root, 'data');
    await serveAndWrite(dataDir);
    // As a release before this fix left them.
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
    const lines: string[] = [];
    await serveAndWrite(dataDir, (line) => lines.push(line));
    expect(modes(dataDir).filter((line) => !/ (600|700)$/.test(line))).toEqual([]);
    const warning = lines
      .map((line) => JSON.parse(line) as { msg: string; paths?: string[] })
      .find((entry) => entry.msg.startsWith('data directory was readable by others'));
    expect(warning?.paths).toEqual(expect.arrayContaining([dataDir, join(dataDir, 'log-key')]));
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });
});
