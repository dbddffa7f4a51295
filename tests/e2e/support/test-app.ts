import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@inr/domain';
import { openEventStore, type EventStore } from '@inr/event-store';
import { loadConfig, type LedgerConfig, issueDevelopmentToken } from '@inr/ledger-api/config';
import { createApp } from '@inr/ledger-api';
import { NO_RATE_LIMITS } from './no-rate-limits';

export interface TestApp {
  app: NestFastifyApplication;
  store: EventStore;
  config: LedgerConfig;
  dataDir: string;
  token(
    role: Role,
    sub: string,
    institution?: string,
    expiresIn?: string | number,
    publishesFor?: string,
  ): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** As `serve --dev-keys`. */
  devKeys?: boolean;
  /** Where the app's log lines go (default stdout, silenced by LOG_LEVEL). */
  logWriter?: (line: string) => void;
}

/**
 * A real app on a fresh sqlite data directory (or the one given), served through app.inject();
 * without rate limits unless `env` sets them (suites send thousands of requests from one token).
 */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  dataDir = mkdtempSync(join(tmpdir(), 'inr-api-')),
  options: TestAppOptions = {},
): Promise<TestApp> {
  const config = loadConfig(
    {
      LEDGER_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      // No web app unless a test builds one: a local dist/web must not change answers.
      LEDGER_WEB_DIR: join(dataDir, 'no-web-app'),
      ...NO_RATE_LIMITS,
      ...env,
    },
    { devKeys: options.devKeys === true },
  );
  const store = await openEventStore({ kind: 'sqlite', dataDir });
  const app = await createApp(config, {
    store,
    shutdownHooks: false,
    ...(options.logWriter && { logWriter: options.logWriter }),
  });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    store,
    config,
    dataDir,
    token: (role, sub, institution = 'rvi', expiresIn = '1h', publishesFor) =>
      issueDevelopmentToken(
        { role, sub, institution, expiresIn, ...(publishesFor && { publishesFor }) },
        dataDir,
      ),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CallOptions {
  token?: string;
  key?: string;
  ifMatch?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Record<string, unknown>;
  text: string;
}

let keys = 0;

/** One HTTP request; commands get a fresh Idempotency-Key unless one is given. */
export async function call(
  app: NestFastifyApplication,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (method === 'POST') headers['idempotency-key'] = options.key ?? `key-${process.pid}-${++keys}`;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (body !== undefined && headers['content-type'] === undefined)
    headers['content-type'] = 'application/json';
  const response = await app.inject({
    method,
    url,
    headers,
    ...(body !== undefined
      ? { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }
      : {}),
  });
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  return {
    status: response.statusCode,
    headers: response.headers,
    body: parsed,
    text: response.body,
  };
}
