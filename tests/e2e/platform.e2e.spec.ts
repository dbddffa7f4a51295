import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { call, startTestApp, type TestApp } from './support/test-app';

const ROOT = resolve(__dirname, '../..');

describe('HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /health and /ready once the store is open', async () => {
    expect((await call(t.app, 'GET', '/health')).status).toBe(200);
    const ready = await call(t.app, 'GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', events: 0 });
  });

  it('echoes a sane x-request-id and invents one otherwise', async () => {
    const given = await call(t.app, 'GET', '/health', undefined, {
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const invented = await call(t.app, 'GET', '/health', undefined, {
      headers: { 'x-request-id': 'bad id\u0001' },
    });
    expect(invented.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the pathway JSON Schema to anyone, byte for byte the committed file', async () => {
    const res = await call(t.app, 'GET', '/schemas/pathway.schema.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/schema+json');
    expect(res.text).toBe(readFileSync(join(ROOT, 'docs/schemas/pathway.schema.json'), 'utf8'));
  });

  it('renders unknown routes as problem+json 404', async () => {
    const res = await call(t.app, 'GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      instance: '/v1/nothing-here',
    });
    expect(res.body['type']).toBe('urn:inr-ledger:problem:not-found');
  });

  it('refuses commands without a token (401) and with a forged one', async () => {
    const none = await call(t.app, 'POST', '/v1/cases', {});
    expect(none.status).toBe(401);
    expect(none.body['code']).toBe('UNAUTHENTICATED');
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const forged = await call(
      t.app,
      'POST',
      '/v1/cases',
      {},
      { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
    );
    expect(forged.status).toBe(401);
  });

  it('tells an expired token apart', async () => {
    const expired = await t.token('trainee', 'trn-1', 'rvi', -60);
    const res = await call(t.app, 'POST', '/v1/cases', {}, { token: expired });
    expect(res.status).toBe(401);
    expect(res.body['code']).toBe('TOKEN_EXPIRED');
  });

  it('maps malformed JSON, wrong media types and oversized bodies to problems', async () => {
    const token = await t.token('trainee', 'trn-1');
    const malformed = await call(t.app, 'POST', '/v1/cases', '{"a":', { token });
    expect(malformed.status).toBe(400);
    expect(malformed.body['code']).toBe('MALFORMED_JSON');
    const text = await call(t.app, 'POST', '/v1/cases', 'hello', {
      token,
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.body['code']).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await call(
      t.app,
      'POST',
      '/v1/cases',
      JSON.stringify({ notes: 'x'.repeat(300 * 1024) }),
      { token },
    );
    expect(huge.status).toBe(413);
    expect(huge.body['code']).toBe('PAYLOAD_TOO_LARGE');
    const deep = await call(t.app, 'POST', '/v1/cases', '['.repeat(5000) + ']'.repeat(5000), {
      token,
    });
    expect(deep.status).toBe(400);
  });

  it('requires an Idempotency-Key on commands', async () => {
    const token = await t.token('trainee', 'trn-1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('serves Prometheus metrics by route template, to an admin only (finding 12)', async () => {
    expect((await call(t.app, 'GET', '/metrics')).status).toBe(401);
    const auditor = await t.token('trust-auditor', 'aud-1');
    expect((await call(t.app, 'GET', '/metrics', undefined, { token: auditor })).status).toBe(403);
    const admin = await t.token('admin', 'adm-1');
    const res = await call(t.app, 'GET', '/metrics', undefined, { token: admin });
    expect(res.status).toBe(200);
    expect(res.text).toContain('http_requests_total{method="GET",route="/health",status="200"}');
    expect(res.text).toContain('http_request_duration_seconds_bucket');
  });

  it('serves the OpenAPI document and a docs page', async () => {
    const doc = await call(t.app, 'GET', '/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body['paths'] as object)).toContain('/v1/cases');
    const page = await call(t.app, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/docs-json');
    const asset = await call(t.app, 'GET', '/docs/assets/swagger-ui.css');
    expect(asset.status).toBe(200);
  });
});
