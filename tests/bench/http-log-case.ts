// Sustained logged-case rate over real HTTP: `concurrency` clients, each a trainee logging cases
// back to back against the API on 127.0.0.1, every request with its own Idempotency-Key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventStore, JsonObject } from '@inr/event-store';
import { issueDevelopmentToken } from '../../apps/ledger-api/src/auth/issue-development-token';
import { loadConfig, type LogLevel } from '../../apps/ledger-api/src/config/ledger-config';
import { createApp } from '../../apps/ledger-api/src/create-app';
import { EVENT_STORE } from '../../apps/ledger-api/src/platform/store/tokens';

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
  cpuMsPerCase: number;
  /** Direct EventStore appends/s with the same concurrency, same machine, same run. */
  baselineAppendsPerSecond?: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const day = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function caseBody(i: number): Record<string, unknown> {
  return {
    institutionId: 'bench-trust',
    procedure: 'mechanical-thrombectomy',
    performedOn: day(1 + (i % 300)),
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
      times: { arrival: '2026-01-01T10:00', groinPuncture: '2026-01-01T10:40' },
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

export async function benchHttpLogCase(
  options: HttpLogCaseOptions = {},
): Promise<HttpLogCaseResult> {
  const count = options.count ?? (options.seconds ? 20_000 : 2_000);
  const concurrency = options.concurrency ?? options.connections ?? 32;
  const deadline = (): number =>
    options.seconds ? Date.now() + options.seconds * 1000 : Number.POSITIVE_INFINITY;
  const warmup = options.warmup ?? 200;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'inr-bench-http-'));
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: options.logLevel ?? 'error' });
  const app = await createApp(config, { shutdownHooks: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const base = `http://127.0.0.1:${address.port}`;
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

    const run = async (
      total: number,
      phase: string,
      latencies?: number[],
      until = Number.POSITIVE_INFINITY,
    ): Promise<number> => {
      let next = 0;
      let failures = 0;
      await Promise.all(
        tokens.map(async (token, client) => {
          for (let i = next++; i < total && Date.now() < until; i = next++) {
            const started = process.hrtime.bigint();
            const status = await post(token, '/v1/cases', caseBody(i), `${phase}-${client}-${i}`);
            latencies?.push(Number(process.hrtime.bigint() - started) / 1e6);
            if (status !== 201) failures++;
          }
        }),
      );
      return failures;
    };
    await run(warmup, 'warmup');
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const failures = await run(count, 'measured', latencies, deadline());
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const round = (x: number): number => Math.round(x * 10) / 10;
    const done = latencies.length;
    const p50 = round(percentile(latencies, 50));
    const p99 = round(percentile(latencies, 99));
    const baseline =
      options.baseline === false
        ? undefined
        : await storeBaseline(
            app.get<symbol, EventStore>(EVENT_STORE),
            concurrency,
            Math.min(done, 5_000),
          );
    return {
      count: done,
      concurrency,
      seconds: round(seconds),
      casesPerSecond: Math.round((done - failures) / seconds),
      p50Ms: p50,
      p99Ms: p99,
      latencyMs: {
        p50,
        p90: round(percentile(latencies, 90)),
        p99,
        max: round(latencies[done - 1] ?? 0),
      },
      failures,
      // Client and server share this process: CPU per case is an upper bound for the server's.
      cpuMsPerCase: round((cpu.user + cpu.system) / 1000 / Math.max(1, done)),
      ...(baseline !== undefined ? { baselineAppendsPerSecond: baseline } : {}),
    };
  } finally {
    await app.close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchHttpLogCase({ count: Number(process.argv[2] ?? 2_000) }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
