import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateDatabaseFile, tightenDataDir } from './private-files';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('private data files (finding 8)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'inr-private-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a database file 0600 and tightens companions SQLite left behind', () => {
    writeFileSync(join(dir, 'x.sqlite-wal'), '', { mode: 0o644 });
    chmodSync(join(dir, 'x.sqlite-wal'), 0o644);
    const file = privateDatabaseFile(join(dir, 'new'), 'x.sqlite');
    expect(mode(file)).toBe(0o600);
    expect(mode(join(dir, 'new'))).toBe(0o700);
    privateDatabaseFile(dir, 'x.sqlite');
    expect(mode(join(dir, 'x.sqlite-wal'))).toBe(0o600);
  });

  it("tightens the ledger's files and its witness directory, and leaves anything else alone", () => {
    chmodSync(dir, 0o755);
    for (const name of ['events.sqlite', 'log-key', 'deploy.sh'])
      writeFileSync(join(dir, name), '', { mode: 0o755 });
    mkdirSync(join(dir, 'witness'), { mode: 0o755 });
    writeFileSync(join(dir, 'witness', 'log-key'), '', { mode: 0o644 });
    const changed = tightenDataDir(dir);
    expect(changed.sort()).toEqual(
      [dir, 'events.sqlite', 'log-key', 'witness', join('witness', 'log-key')]
        .map((p) => (p === dir ? dir : join(dir, p)))
        .sort(),
    );
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'events.sqlite'))).toBe(0o600);
    expect(mode(join(dir, 'witness', 'log-key'))).toBe(0o600);
    expect(mode(join(dir, 'deploy.sh'))).toBe(0o755); // not the ledger's: untouched
    expect(tightenDataDir(dir)).toEqual([]);
  });
});
