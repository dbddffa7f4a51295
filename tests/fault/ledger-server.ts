import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface LedgerServer {
  url: string;
  dataDir: string;
  /** The four fixed tokens, and any asked for by name in TEST_TOKENS. */
  tokens: { admin: string; panel: string; trainee1: string; trainee2: string } & Record<
    string,
    string
  >;
  /** Sign a checkpoint of everything now and wait for the witnesses; resolves with the size. */
  flush(): Promise<number>;
  /** Append `n` more events (supervisor accreditations); resolves with the event count. */
  grow(n: number): Promise<number>;
  /** Append `n` events of about `bytes` each straight into the store; resolves with the count. */
  pad(n: number, bytes: number): Promise<number>;
  /** The server's resident memory now and its peak since the last call, in bytes. */
  rss(): Promise<{ now: number; peak: number }>;
  stop(): Promise<void>;
  /** SIGKILL: no graceful shutdown, in-flight requests cut off. The data directory is kept. */
  kill(): Promise<void>;
}

/** Spawns tests/fault/ledger-server-child.ts on a fresh data directory (or the one given). */
export function startLedgerServer(
  env: NodeJS.ProcessEnv = {},
  dataDir?: string,
): Promise<LedgerServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'inr-ledger-e2e-'));
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--require', './tests/support/register-ts.js', 'tests/fault/ledger-server-child.ts'],
    { cwd: resolve(__dirname, '..', '..'), env: { ...process.env, ...env, LEDGER_DATA_DIR: dir } },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (buffered + chunk).split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const nextLine = (): Promise<string> =>
    new Promise((ok, fail) => {
      const l = lines.shift();
      if (l !== undefined) return ok(l);
      waiting.push(ok);
      child.once('exit', (code) => fail(new Error(`server exited ${code}: ${stderr}`)));
    });
  return nextLine().then((first) => {
    const info = JSON.parse(first) as Pick<LedgerServer, 'url' | 'tokens'>;
    return {
      ...info,
      dataDir: dir,
      flush: async () => {
        child.stdin.write('flush\n');
        return Number((await nextLine()).replace('flushed ', ''));
      },
      grow: async (n: number) => {
        child.stdin.write(`grow ${n}\n`);
        return Number((await nextLine()).replace('grown ', ''));
      },
      pad: async (n: number, bytes: number) => {
        child.stdin.write(`pad ${n} ${bytes}\n`);
        return Number((await nextLine()).replace('padded ', ''));
      },
      rss: async () => {
        child.stdin.write('rss\n');
        const [, now, peak] = (await nextLine()).split(' ');
        return { now: Number(now), peak: Number(peak) };
      },
      stop: () =>
        new Promise<void>((done) => {
          child.once('exit', () => {
            if (dataDir === undefined) rmSync(dir, { recursive: true, force: true });
            done();
          });
          child.kill('SIGTERM');
        }),
      kill: () =>
        new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    };
  });
}
