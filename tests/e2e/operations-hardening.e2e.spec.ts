import { get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { SqliteError } from 'better-sqlite3';
import { routeTable } from '@inr/ledger-api';
import { ReadModels } from '@inr/projections';
import { accreditation, enrolment, RVI, thrombectomyCase } from './support/fixtures';
import { call, startTestApp, type CallResult, type TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype'];

function expectProblem(res: CallResult, status: number, code: string): void {
  expect({ status: res.status, code: res.body['code'] }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(PROBLEM);
}

// Finding 12: a number like 1e-320 returned 500; /docs/assets/constructor returned 500; storage
// failures answered 500 INTERNAL with /ready still ready; no security headers; no rate limiting.
describe('finding 12: operations (headers, framework errors, numbers, prototype names, storage)', () => {
  let t: TestApp;
  let port = 0;
  beforeAll(async () => {
    t = await startTestApp({ LEDGER_READY_STORAGE_FAILURE_SECONDS: '1' });
    // Also on a socket: for what app.inject cannot show (the HTTP parser, a live feed's head).
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => t.close());

  it('sends security headers on JSON, problems and the docs page, whose CSP allows no inline script', async () => {
    for (const url of ['/health', '/v1/nothing-here', '/docs']) {
      const res = await call(t.app, 'GET', url);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    }
    const page = await call(t.app, 'GET', '/docs');
    expect(page.text).not.toMatch(/<script>/);
    for (const src of page.text.matchAll(/src="([^"]+)"/g))
      expect((await call(t.app, 'GET', src[1]!)).status).toBe(200);

    // The live feed writes its own head: it carries the same headers.
    {
      const token = await t.token('admin', 'adm-1');
      const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const request = httpGet(
          `http://127.0.0.1:${port}/v1/events/stream`,
          { headers: { authorization: `Bearer ${token}` } },
          (response) => {
            resolve(response.headers);
            request.destroy();
          },
        );
        request.on('error', reject);
      });
      expect(headers).toMatchObject({
        'content-type': 'text/event-stream; charset=utf-8',
        'x-content-type-options': 'nosniff',
        'content-security-policy': expect.stringContaining("default-src 'self'"),
      });
    }
  });

  it('answers prototype-named paths (/docs/assets/constructor and every route parameter) without a 500', async () => {
    expectProblem(await call(t.app, 'GET', '/docs/assets/constructor'), 404, 'NOT_FOUND');
    const admin = await t.token('admin', 'adm-1');
    const templates = routeTable(t.app).filter((r) => r.method === 'GET' && r.path.includes(':'));
    expect(templates.length).toBeGreaterThan(10);
    for (const route of templates)
      for (const name of PROTOTYPE_NAMES) {
        const url = route.path.replace(/:[A-Za-z]+/g, name);
        const res = await call(t.app, 'GET', url, undefined, { token: admin });
        // 503 NOT_CHECKPOINTED (the ledger is empty) is an answer; 500 is a bug.
        expect({ url, internal: res.status === 500 }).toEqual({ url, internal: false });
        if (res.status >= 400) expect(res.headers['content-type']).toMatch(PROBLEM);
      }
  });

  it('answers Fastify-level client errors as problem+json with stable codes', async () => {
    const token = await t.token('trainee', 'trn-1');
    expectProblem(await call(t.app, 'GET', '/v1/cases/%E0%A4%A'), 400, 'MALFORMED_URL');
    expectProblem(await call(t.app, 'GET', '/v1/trainees/%zz/status'), 400, 'MALFORMED_URL');
    expectProblem(
      await call(t.app, 'POST', '/v1/cases', '{"a":', { token }),
      400,
      'MALFORMED_JSON',
    );
    expectProblem(
      await call(t.app, 'POST', '/v1/cases', 'a=b', {
        token,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(
      await call(t.app, 'POST', '/v1/cases', JSON.stringify({ notes: 'x'.repeat(300 * 1024) }), {
        token,
      }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    const mismatch = await t.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: {
        authorization: `Bearer ${token}`,
        'idempotency-key': 'k-length',
        'content-type': 'application/json',
        'content-length': '5000',
      },
      payload: '{}',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.headers['content-type']).toMatch(PROBLEM);
    expect(JSON.parse(mismatch.body).code).toBe('INVALID_CONTENT_LENGTH');
  });

  it('answers requests the HTTP parser refuses as problem+json, on a real socket', async () => {
    {
      const raw = (request: string): Promise<string> =>
        new Promise((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => socket.write(request));
          let text = '';
          socket.on('data', (chunk) => (text += chunk.toString()));
          socket.on('close', () => resolve(text));
          socket.on('error', reject);
        });
      const garbage = await raw('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
      expect(garbage).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)).code).toBe(
        'MALFORMED_REQUEST',
      );
      const huge = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(huge).toMatch(/^HTTP\/1\.1 431 /);
      expect(huge).toContain('"code":"HEADERS_TOO_LARGE"');
    }
  });

  it('refuses numbers that underflow to zero (1e-400) or are subnormal (1e-320), writing nothing', async () => {
    const admin = await t.token('admin', 'adm-1');
    const before = await t.store.count();
    for (const n of ['1e-400', '1e-320', '-4.9e-324', '1e400']) {
      const body = JSON.stringify(accreditation()).replace(/}$/, `,"n":${n}}`);
      const res = await call(t.app, 'POST', '/v1/supervisors/sup-num/accreditations', body, {
        token: admin,
      });
      expectProblem(res, 400, 'NUMBER_OUT_OF_RANGE');
    }
    expect(await t.store.count()).toBe(before);
  });

  it('answers storage failures 503 STORAGE_UNAVAILABLE with Retry-After, and /ready reflects them', async () => {
    const admin = await t.token('admin', 'adm-1', RVI);
    await call(t.app, 'POST', '/v1/trainees', enrolment('trn-kim'), { token: admin });
    await call(t.app, 'POST', '/v1/supervisors/sup-ann/accreditations', accreditation(), {
      token: admin,
    });
    const trainee = await t.token('trainee', 'trn-kim', RVI);
    expect((await call(t.app, 'GET', '/ready')).status).toBe(200);

    // The event store's disk fills up: the write is refused, retryable, and /ready says so.
    const append = t.store.append.bind(t.store);
    t.store.append = () =>
      Promise.reject(new SqliteError('database or disk is full', 'SQLITE_FULL'));
    const full = await call(t.app, 'POST', '/v1/cases', thrombectomyCase(), {
      token: trainee,
      key: 'storage-1',
    });
    t.store.append = append;
    expectProblem(full, 503, 'STORAGE_UNAVAILABLE');
    expect(Number(full.headers['retry-after'])).toBeGreaterThan(0);
    const notReady = await call(t.app, 'GET', '/ready');
    expectProblem(notReady, 503, 'STORAGE_FAILING');
    expect(String(notReady.body['detail'])).toContain('SQLITE_FULL');

    // A read model's SQLite is locked by another writer: the read is refused the same way.
    const readModels = t.app.get(ReadModels);
    const cases = readModels.cases.bind(readModels);
    readModels.cases = () => {
      throw new SqliteError('database is locked', 'SQLITE_BUSY');
    };
    const busy = await call(t.app, 'GET', '/v1/registry/cases?traineeId=trn-kim', undefined, {
      token: admin,
    });
    readModels.cases = cases;
    expectProblem(busy, 503, 'STORAGE_UNAVAILABLE');

    // Once storage works again: the same Idempotency-Key writes the case once, /ready recovers.
    const retried = await call(t.app, 'POST', '/v1/cases', thrombectomyCase(), {
      token: trainee,
      key: 'storage-1',
    });
    expect(retried.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await call(t.app, 'GET', '/ready')).status).toBe(200);
  });
});

describe('finding 12: rate limits per token and per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      LEDGER_RATE_LIMIT_PER_TOKEN: '3',
      LEDGER_RATE_LIMIT_PER_ADDRESS: '8',
      LEDGER_RATE_LIMIT_WINDOW_SECONDS: '60',
    });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After past either limit, and never limits /health', async () => {
    const first = await t.token('panel', 'pnl-1');
    const second = await t.token('panel', 'pnl-2');
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call(t.app, 'GET', '/v1/pathways', undefined, { token: first })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(t.app, 'GET', '/v1/pathways', undefined, { token: first });
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(String(limited.body['detail'])).toContain('this token');
    // Another token from the same address goes on until the address's limit (8) is spent.
    expect((await call(t.app, 'GET', '/v1/pathways', undefined, { token: second })).status).toBe(
      200,
    );
    for (let i = 0; i < 3; i++) await call(t.app, 'GET', '/v1/pathways');
    const byAddress = await call(t.app, 'GET', '/v1/pathways', undefined, { token: second });
    expectProblem(byAddress, 429, 'RATE_LIMITED');
    expect(String(byAddress.body['detail'])).toContain('this address');
    expect((await call(t.app, 'GET', '/health')).status).toBe(200);
    expect((await call(t.app, 'GET', '/ready')).status).toBe(200);
  });
});
