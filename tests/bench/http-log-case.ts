// Sustained logged-case rate over real HTTP: `concurrency` clients, each a trainee logging cases
// back to back against the API on 127.0.0.1, every request with its own Idempotency-Key.
// The API runs in this process; the clients run in a child process (this file again, with
// INR_BENCH_HTTP_CLIENT=1), so the server has a core of its own and its CPU is its own.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventStore, JsonObject } from '@inr/event-store';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  issueDevelopmentToken,
  loadConfig,
  type LedgerConfig,
  type LogLevel,
} from '@inr/ledger-api/config';
import { createApp, EVENT_STORE, LedgerRuntime, serveHttpWorkers } from '@inr/ledger-api';
import { ReadModels } from '@inr/projections';
import { processCpuMs } from './process-cpu';
import { Timings } from './timings';
import { NO_RATE_LIMITS } from '../e2e/support/no-rate-limits';

export interface HttpLogCaseOptions {
  /** Upper bound on cases logged in the measured phase. Default 2,000 (20,000 when `seconds` is set). */
  count?: number;
  /** Stop the measured phase after this many seconds, if the count is not reached first. */
  seconds?: number;
  /** Concurrent clients (keep-alive connections). Default 32. */
  concurrency?: number;
  /** Alias of `concurrency`, as the bench runner names it. */
  connections?: number;
  /** Also measure direct store appends with the same concurrency (the baseline). Default true. */
  baseline?: boolean;
  /** Unmeasured requests first, to warm the JIT and the caches. Default 200. */
  warmup?: number;
  /** Data directory; default a fresh temporary one, removed afterwards. */
  dataDir?: string;
  logLevel?: LogLevel;
  /** HTTP worker processes in front of the writer (LEDGER_HTTP_WORKERS). Default 1: one process. */
  httpWorkers?: number;
}

export interface HttpLogCaseResult {
  count: number;
  concurrency: number;
  seconds: number;
  casesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  failures: number;
  /** Server CPU (user + system) per case, the followers' catch-up and every HTTP worker included. */
  cpuMsPerCase: number;
  /** HTTP worker processes in front of the writer (1: one process). */
  httpWorkers: number;
  /** Of `cpuMsPerCase`, the writer process's (all of it with one process): the one-core ceiling. */
  writerCpuMsPerCase: number;
  /** The load generator's CPU per case (child process; not part of the server's figure). */
  clientCpuMsPerCase: number;
  /** Appends per group commit (one transaction, one fsync) during the measured phase. */
  appendsPerCommit?: number;
  /** Direct EventStore appends/s with the same concurrency, same machine, same run. */
  baselineAppendsPerSecond?: number;
}

const day = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function caseBody(i: number): Record<string, unknown> {
  const performedOn = day(1 + (i % 300));
  return {
    institutionId: 'bench-trust',
    procedure: 'mechanical-thrombectomy',
    performedOn,
    operatorRole: 'primary-supervised',
    supervisorId: 'bench-sup',
    supervisionLevel: 2,
    localRef: `B-${i}`,
    details: {
      procedure: 'mechanical-thrombectomy',
      occlusionSite: 'M1',
      tandemLesion: false,
      technique: 'stent-retriever',
      balloonGuideCatheter: true,
      rescueStenting: false,
      eticiByPass: ['2b50', '3'],
      finalEtici: '3',
      times: { arrival: `${performedOn}T10:00`, groinPuncture: `${performedOn}T10:40` },
      complications: [],
    },
  };
}

/** Durable appends/s straight into the store, `concurrency` writers, one event per append. */
async function storeBaseline(
  store: EventStore,
  concurrency: number,
  total: number,
): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        await store.append(
          `case-baseline-${i}`,
          [{ id: randomUUID(), type: 'CaseLogged', data: caseBody(i) as JsonObject }],
          { expectedRevision: 'no_stream' },
        );
      }
    }),
  );
  return Math.round(total / (Number(process.hrtime.bigint() - started) / 1e9));
}

/** What the parent sends the client process. */
interface ClientJob {
  base: string;
  tokens: string[];
  warmup: number;
  count: number;
  seconds?: number;
}

type ClientMessage =
  | { kind: 'warm' }
  | { kind: 'done'; latencies: number[]; failures: number; seconds: number; cpuMs: number };

const CLIENT_ENV = 'INR_BENCH_HTTP_CLIENT';

/** The load generator (child process): warm up, wait for "go", run the measured phase, report. */
function runClient(): void {
  const send = (message: ClientMessage): void => void process.send?.(message);
  process.once('message', (job: ClientJob) => {
    const agent = new Agent({ keepAlive: true, maxSockets: job.tokens.length });
    const url = new URL(job.base);
    const post = (token: string, body: string, key: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: '/v1/cases',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'idempotency-key': key,
            },
          },
          (res) => {
            res.on('data', () => undefined);
            res.on('end', () => resolve(res.statusCode ?? 0));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const run = async (
      total: number,
      phase: string,
      latencies?: number[],
      until = Number.POSITIVE_INFINITY,
    ): Promise<number> => {
      let next = 0;
      let failures = 0;
      await Promise.all(
        job.tokens.map(async (token, client) => {
          for (let i = next++; i < total && Date.now() < until; i = next++) {
            const body = JSON.stringify(caseBody(i));
            const started = process.hrtime.bigint();
            const status = await post(token, body, `${phase}-${client}-${i}`);
            latencies?.push(Number(process.hrtime.bigint() - started) / 1e6);
            if (status !== 201) failures++;
          }
        }),
      );
      return failures;
    };
    void (async () => {
      await run(job.warmup, 'warmup');
      send({ kind: 'warm' });
      await new Promise((resolve) => process.once('message', resolve));
      const latencies: number[] = [];
      const until = job.seconds ? Date.now() + job.seconds * 1000 : Number.POSITIVE_INFINITY;
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      const failures = await run(job.count, 'measured', latencies, until);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = process.cpuUsage(cpuBefore);
      send({ kind: 'done', latencies, failures, seconds, cpuMs: (cpu.user + cpu.system) / 1000 });
      agent.destroy();
      process.disconnect();
    })().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
}

/** Counts the sqlite store's group commits (bench-only peek at its private flush). */
function countCommits(store: EventStore): { commits: number; appends: number } {
  const counter = { commits: 0, appends: 0 };
  const peek = store as unknown as { flush?: () => void; queue?: unknown[] };
  const flush = peek.flush;
  if (typeof flush !== 'function' || !Array.isArray(peek.queue)) return counter;
  peek.flush = function (this: { queue: unknown[] }): void {
    counter.commits++;
    counter.appends += Math.min(512, this.queue.length);
    flush.call(this);
  };
  return counter;
}

/** Runs the load generator in a child process and answers its measured-phase figures. */
async function measureInChild(
  job: ClientJob,
  onWarm: () => void,
): Promise<Extract<ClientMessage, { kind: 'done' }>> {
  const child = fork(__filename, [], {
    // Not the parent's profiler or inspector flags: the profile is the server's.
    execArgv: process.execArgv.filter((a) => !/^--(cpu-prof|prof|inspect)/.test(a)),
    env: { ...process.env, [CLIENT_ENV]: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: ClientMessage) => {
      if (message.kind === 'warm') {
        onWarm();
        child.send('go');
      } else resolve(message);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`bench client exited (${code}) before reporting`)));
    child.send(job);
  });
}

/** Waits (up to `ms`) until the Merkle log and the read models have applied every event. */
async function followersCaughtUp(
  app: NestFastifyApplication,
  store: EventStore,
  ms: number,
): Promise<void> {
  const log = app.get(LedgerRuntime).log;
  const readModels = app.get(ReadModels);
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const total = await store.count();
    if (log.size() >= total && (await readModels.lag()).eventsBehind === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The API on 127.0.0.1: one process, or HTTP workers in front of this one (the writer). */
async function startServer(config: LedgerConfig): Promise<{
  app: NestFastifyApplication;
  base: string;
  close: () => Promise<void>;
  /** CPU the HTTP workers have used so far, in ms (0 with one process). */
  workerCpuMs: () => number;
}> {
  const local = { ...config, host: '127.0.0.1', port: 0 };
  if (config.httpWorkers > 1) {
    const server = await serveHttpWorkers(local, { shutdownHooks: false });
    const pids = server.workerPids();
    return {
      app: server.app,
      base: server.url,
      close: () => server.close(),
      workerCpuMs: () => pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0),
    };
  }
  const app = await createApp(local, { shutdownHooks: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    app,
    base: `http://127.0.0.1:${address.port}`,
    close: () => app.close(),
    workerCpuMs: () => 0,
  };
}

export async function benchHttpLogCase(
  options: HttpLogCaseOptions = {},
): Promise<HttpLogCaseResult> {
  const count = options.count ?? (options.seconds ? 20_000 : 2_000);
  const concurrency = options.concurrency ?? options.connections ?? 32;
  const warmup = options.warmup ?? 200;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'inr-bench-http-'));
  const config = loadConfig({
    LEDGER_DATA_DIR: dataDir,
    LOG_LEVEL: options.logLevel ?? 'error',
    ...NO_RATE_LIMITS,
  });
  const httpWorkers = options.httpWorkers ?? 1;
  const { app, base, close, workerCpuMs } = await startServer({ ...config, httpWorkers });
  try {
    const admin = await issueDevelopmentToken(
      { role: 'admin', sub: 'bench-admin', institution: 'bench-trust' },
      dataDir,
    );
    const post = async (
      token: string,
      path: string,
      body: unknown,
      key: string,
    ): Promise<number> => {
      const res = await fetch(base + path, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      return res.status;
    };
    const setup = await post(
      admin,
      '/v1/supervisors/bench-sup/accreditations',
      {
        gmcNumber: '7000001',
        kind: 'INR',
        institutionIds: ['bench-trust'],
        procedures: ['mechanical-thrombectomy'],
        validFrom: day(2000),
      },
      'setup-sup',
    );
    if (setup !== 201) throw new Error(`accreditation failed: ${setup}`);
    const tokens: string[] = [];
    for (let c = 0; c < concurrency; c++) {
      const sub = `bench-trn-${c}`;
      const enrolled = await post(
        admin,
        '/v1/trainees',
        {
          traineeId: sub,
          institutionId: 'bench-trust',
          specialty: 'neurology',
          stage: 'ST5',
          enrolledOn: day(1000),
          pathwayIds: [],
        },
        `setup-${sub}`,
      );
      if (enrolled !== 201) throw new Error(`enrolment failed: ${enrolled}`);
      tokens.push(
        await issueDevelopmentToken(
          { role: 'trainee', sub, institution: 'bench-trust', expiresIn: '2h' },
          dataDir,
        ),
      );
    }

    const store = app.get<symbol, EventStore>(EVENT_STORE);
    const commits = countCommits(store);
    let cpuBefore = process.cpuUsage();
    let workersBefore = 0;
    let commitsBefore = { ...commits };
    let measuredFromUs = 0n;
    const client = await measureInChild(
      { base, tokens, warmup, count, ...(options.seconds ? { seconds: options.seconds } : {}) },
      () => {
        cpuBefore = process.cpuUsage();
        workersBefore = workerCpuMs();
        commitsBefore = { ...commits };
        measuredFromUs = process.hrtime.bigint() / 1000n;
      },
    );
    const measuredCommits = commits.commits - commitsBefore.commits;
    const measuredAppends = commits.appends - commitsBefore.appends;
    await followersCaughtUp(app, store, 10_000);
    const cpu = process.cpuUsage(cpuBefore);
    const writerCpuMs = (cpu.user + cpu.system) / 1000;
    const serverCpuMs = writerCpuMs + workerCpuMs() - workersBefore;
    if (process.execArgv.some((a) => a.startsWith('--cpu-prof')))
      // The same monotonic microseconds as the profile's sample timestamps.
      console.error(`measured phase: ${measuredFromUs}-${process.hrtime.bigint() / 1000n} us`);
    const { latencies, failures, seconds } = client;
    const timings = Timings.of(latencies);
    const round = (x: number): number => Math.round(x * 10) / 10;
    const done = latencies.length;
    const p50 = round(timings.percentileMs(50));
    const p99 = round(timings.percentileMs(99));
    const appendsPerCommit =
      measuredCommits > 0 ? round(measuredAppends / measuredCommits) : undefined;
    if (appendsPerCommit !== undefined)
      console.error(
        `group commit: ${measuredAppends} appends in ${measuredCommits} commits (${appendsPerCommit} per commit)`,
      );
    const baseline =
      options.baseline === false
        ? undefined
        : await storeBaseline(store, concurrency, Math.min(done, 5_000));
    return {
      count: done,
      concurrency,
      seconds: round(seconds),
      casesPerSecond: Math.round((done - failures) / seconds),
      p50Ms: p50,
      p99Ms: p99,
      latencyMs: {
        p50,
        p90: round(timings.percentileMs(90)),
        p99,
        max: round(timings.maxMs()),
      },
      failures,
      cpuMsPerCase: round(serverCpuMs / Math.max(1, done)),
      httpWorkers,
      writerCpuMsPerCase: round(writerCpuMs / Math.max(1, done)),
      clientCpuMsPerCase: round(client.cpuMs / Math.max(1, done)),
      ...(appendsPerCommit !== undefined ? { appendsPerCommit } : {}),
      ...(baseline !== undefined ? { baselineAppendsPerSecond: baseline } : {}),
    };
  } finally {
    await close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  if (process.env[CLIENT_ENV] === '1') runClient();
  else
    benchHttpLogCase({
      count: Number(process.argv[2] ?? 2_000),
      ...(process.argv[3] ? { concurrency: Number(process.argv[3]) } : {}),
      ...(process.argv[4] ? { httpWorkers: Number(process.argv[4]) } : {}),
    }).then(
      (result) => console.log(JSON.stringify(result, null, 2)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
}
