import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accreditation, enrolment, RVI, thrombectomyCase } from './support/fixtures';
import { call, startTestApp, type TestApp } from './support/test-app';

// The API serves the web app at / (with history-API client routes) and the development
// sign-in it uses; the browser suite (tests/browser) drives the app itself.
describe('web app serving', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'inr-web-'));
  let t: TestApp;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>inr-ledger</title>');
    writeFileSync(join(webDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    t = await startTestApp({ LEDGER_WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves the page at / and at every client route, with a content security policy', async () => {
    for (const url of ['/', '/trainee', '/supervisor/queue', '/verify?x=1']) {
      const res = await call(t.app, 'GET', url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('<title>inr-ledger</title>');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('serves hashed assets for a year, and nothing outside the assets folder', async () => {
    const js = await call(t.app, 'GET', '/assets/app-1a2b.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    for (const url of [
      '/assets/missing.js',
      '/assets/..%2findex.html',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/app.js',
    ]) {
      const res = await call(t.app, 'GET', url);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
    }
  });

  it('keeps the API its own: an unknown /v1 route is a 404 problem, not the page', async () => {
    for (const url of ['/v1/nothing-here', '/v1', '/health/x', '/docs/x', '/schemas/x']) {
      const res = await call(t.app, 'GET', url);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call(t.app, 'GET', '/health')).status).toBe(200);
  });

  it('says the app is not built when there is no build, as a 404 problem', async () => {
    const bare = await startTestApp({ LEDGER_WEB_DIR: join(webDir, 'missing') });
    try {
      const res = await call(bare.app, 'GET', '/');
      expect(res.status).toBe(404);
      expect(res.body['detail']).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});

describe('development sign-in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.token('admin', 'adm-1', RVI);
    const trainee = await t.token('trainee', 'trn-kim', RVI);
    for (const [url, body, token] of [
      ['/v1/trainees', enrolment('trn-kim'), admin],
      ['/v1/supervisors/sup-ann/accreditations', accreditation(), admin],
      ['/v1/cases', thrombectomyCase(), trainee],
    ] as const) {
      const res = await call(t.app, 'POST', url, body, { token });
      if (res.status !== 201) throw new Error(`fixture ${url}: ${res.status} ${res.text}`);
    }
  });
  afterAll(() => t.close());

  it('offers the people of the ledger, with their institutions', async () => {
    // The registry catches up asynchronously with the store.
    let res = await call(t.app, 'GET', '/v1/sign-in');
    for (
      let i = 0;
      i < 50 && (res.body['people'] as { trainees: unknown[] }).trainees.length === 0;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
      res = await call(t.app, 'GET', '/v1/sign-in');
    }
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      mode: 'development',
      people: {
        institutions: [RVI],
        trainees: [{ id: 'trn-kim', institutionIds: [RVI] }],
        supervisors: [{ id: 'sup-ann', institutionIds: [RVI] }],
      },
    });
  });

  it('mints a token the API accepts for that person and role', async () => {
    const res = await call(t.app, 'POST', '/v1/sign-in/development-token', {
      role: 'trainee',
      sub: 'trn-kim',
      institution: RVI,
    });
    expect(res.status).toBe(201);
    const token = String(res.body['token']);
    expect((await call(t.app, 'GET', '/v1/trainees/trn-kim', undefined, { token })).status).toBe(
      200,
    );
    // It is a trainee's token: roles beyond it stay closed.
    expect((await call(t.app, 'GET', '/v1/workforce', undefined, { token })).status).toBe(403);
  });

  it('refuses an unknown role, a malformed id and a patient identifier with 4xx problems', async () => {
    const bad = [
      [{ role: 'superuser', sub: 'x', institution: RVI }, 400],
      [{ role: 'trainee', sub: 'trn kim', institution: RVI }, 400],
      [{ role: 'trainee', sub: '9434765919', institution: RVI }, 422],
      [{ role: 'trainee', institution: RVI }, 400],
    ] as const;
    for (const [body, status] of bad) {
      const res = await call(t.app, 'POST', '/v1/sign-in/development-token', body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('is not there when an identity provider issues the tokens', async () => {
    const idp = await startTestApp({
      LEDGER_JWKS_URL: 'https://idp.example/jwks.json',
      LEDGER_JWT_ISSUER: 'https://idp.example',
      LEDGER_JWT_AUDIENCE: 'inr-ledger',
      LEDGER_OIDC_ISSUER: 'https://idp.example',
      LEDGER_OIDC_CLIENT_ID: 'inr-ledger-web',
    });
    try {
      const res = await call(idp.app, 'POST', '/v1/sign-in/development-token', {
        role: 'admin',
        sub: 'adm-1',
        institution: RVI,
      });
      expect(res.status).toBe(404);
      expect(res.body['code']).toBe('DEVELOPMENT_SIGN_IN_DISABLED');
      const options = await call(idp.app, 'GET', '/v1/sign-in');
      // The page may exchange its sign-in code at the provider: the CSP lets it connect there.
      expect(options.headers['content-security-policy']).toContain(
        "connect-src 'self' https://idp.example",
      );
      expect(options.body).toEqual({
        mode: 'oidc',
        issuer: 'https://idp.example',
        clientId: 'inr-ledger-web',
        scope: 'openid profile',
      });
    } finally {
      await idp.close();
    }
  });
});
