import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * A PostgreSQL server for one test suite or bench run: initdb into a temp dir, a free port,
 * started as an unprivileged user (the server refuses to run as root), stopped and removed at
 * the end. Its defaults are the production ones that matter here: fsync on, synchronous_commit on.
 *
 * INR_TEST_POSTGRES_URL points at an existing server instead (each caller gets a fresh database).
 */
export interface ThrowawayPostgres {
  /** A new empty database on the server; returns its connection URL. */
  createDatabase(prefix?: string): Promise<string>;
  /** Simulates a server crash (immediate shutdown: no checkpoint), for durability tests. */
  crash(): void;
  /** Starts the server again after crash(); recovery replays the WAL. */
  restart(): void;
  stop(): Promise<void>;
}

const SEARCHED = ['/usr/lib/postgresql', '/usr/local/pgsql'];

/** The server's bin directory, or why there is none (a suite's skip reason). */
export function findPostgres(): { bin: string } | { skip: string } {
  if (process.env['INR_TEST_POSTGRES_URL']) return { bin: '' };
  const fromEnv = process.env['PG_BIN'];
  const candidates = fromEnv ? [fromEnv] : SEARCHED.flatMap(binDirsUnder);
  const bin = candidates.find((dir) => existsSync(join(dir, 'initdb')));
  return bin
    ? { bin }
    : { skip: `no PostgreSQL server binaries (initdb) in ${fromEnv ?? SEARCHED.join(', ')}` };
}

/** Newest major version first: /usr/lib/postgresql/<major>/bin. */
function binDirsUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  if (existsSync(join(root, 'bin', 'initdb'))) return [join(root, 'bin')];
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, 'bin'));
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const existing = process.env['INR_TEST_POSTGRES_URL'];
  if (existing) return onServer(existing, () => undefined, noop, noop);
  const found = findPostgres();
  if ('skip' in found) throw new Error(found.skip);
  const dir = mkdtempSync(join(tmpdir(), 'inr-pg-'));
  const data = join(dir, 'data');
  const asUser = serverUser();
  if (asUser !== undefined) chownSync(dir, asUser.uid, asUser.gid);
  const run = (tool: string, args: string[]): void => {
    const command = join(found.bin, tool);
    const argv =
      asUser === undefined ? [command, ...args] : ['-u', asUser.name, '--', command, ...args];
    execFileSync(asUser === undefined ? argv[0]! : 'runuser', asUser === undefined ? args : argv, {
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: dir,
    });
  };
  // --no-sync only skips initdb's own fsync of the template files; the server fsyncs as usual.
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  const start = (): void => {
    try {
      run('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-w',
        '-t',
        '30',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
        'start',
      ]);
    } catch (error) {
      const log = existsSync(join(dir, 'server.log'))
        ? readFileSync(join(dir, 'server.log'), 'utf8')
        : '';
      throw new Error(`PostgreSQL did not start: ${String(error)}\n${log.slice(-2000)}`);
    }
  };
  start();
  const stop = (): void => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped (a crash() without restart)
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return onServer(
    `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
  );
}

function onServer(
  adminUrl: string,
  stop: () => void,
  crash: () => void,
  restart: () => void,
): ThrowawayPostgres {
  return {
    async createDatabase(prefix = 'inr_test') {
      const name = `${prefix}_${randomBytes(6).toString('hex')}`;
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    crash,
    restart,
    async stop() {
      stop();
    },
  };
}

const noop = (): void => undefined;

/** Root cannot run the server: use the `postgres` user, creating it if the machine has none. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = process.env['PG_TEST_USER'] ?? 'postgres';
  const id = (flag: string): number => Number(execFileSync('id', [flag, name]).toString().trim());
  if (spawnSync('id', ['-u', name]).status !== 0) {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  }
  return { name, uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
