import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { createApp } from '@inr/ledger-api';
import { loadConfig } from '@inr/ledger-api/config';
import { startOidcProvider, type OidcProvider } from '../support/identity/oidc-provider';
import { call, startTestApp, type TestApp } from './support/test-app';

// Finding 7: production accepted development tokens; with an identity provider, issuer and
// audience were optional (another application's token got in); tokens without exp, or
// expiring in 9999, were accepted. The real `serve` refusing to start is in
// tests/fault/finding-7-production-start.int.spec.ts.

const ISSUER = 'https://idp.example.nhs.uk';
const AUDIENCE = 'inr-ledger';
const HOUR = 3600;
const now = (): number => Math.floor(Date.now() / 1000);
const ADMIN = { role: 'admin', institution: 'rvi' };

/** A signed token with exactly the claims given (no defaults, so a missing exp stays missing). */
async function sign(key: KeyLike, alg: string, claims: JWTPayload): Promise<string> {
  return new SignJWT({ sub: 'adm-1', ...ADMIN, ...claims })
    .setProtectedHeader({ alg, typ: 'JWT' })
    .sign(key);
}

/** GET /metrics (admin only): 200 once the token is accepted. */
async function metrics(t: TestApp, token: string) {
  return call(t.app, 'GET', '/metrics', undefined, { token });
}

describe('finding 7: production accepts development tokens', () => {
  describe('with an identity provider (NODE_ENV=production)', () => {
    let idp: OidcProvider;
    let t: TestApp;
    const good = (): JWTPayload => ({ iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + HOUR });
    const idpToken = (claims: JWTPayload): Promise<string> =>
      idp.sign({ sub: 'adm-1', ...ADMIN, ...claims });

    beforeAll(async () => {
      idp = await startOidcProvider();
      t = await startTestApp({
        NODE_ENV: 'production',
        LEDGER_JWKS_URL: idp.jwksUrl,
        LEDGER_JWT_ISSUER: ISSUER,
        LEDGER_JWT_AUDIENCE: AUDIENCE,
      });
    });
    afterAll(async () => {
      await t.close();
      await idp.close();
    });

    it("starts, and accepts the provider's token for this ledger", async () => {
      expect((await metrics(t, await idpToken(good()))).status).toBe(200);
    });

    it('refuses a development token minted by `inr-ledger token`', async () => {
      const dev = await t.token('admin', 'adm-1', 'rvi');
      expect((await metrics(t, dev)).status).toBe(401);
    });

    it("refuses another application's token from the same provider, and another issuer's", async () => {
      const otherApp = await metrics(t, await idpToken({ ...good(), aud: 'rota-app' }));
      expect(otherApp.status).toBe(401);
      const otherIssuer = await metrics(t, await idpToken({ ...good(), iss: 'https://evil' }));
      expect(otherIssuer.status).toBe(401);
    });

    it('refuses a token without exp, one expiring in 9999, and one living longer than 12 h', async () => {
      const { exp: _exp, ...noExp } = good();
      const cases: [string, JWTPayload][] = [
        ['no exp', noExp],
        ['exp in 9999', { ...good(), exp: Date.UTC(9999, 11, 31) / 1000 }],
        ['13 h lifetime', { ...good(), exp: now() + 13 * HOUR }],
        ['13 h ahead, no iat', { iss: ISSUER, aud: AUDIENCE, exp: now() + 13 * HOUR }],
        [
          'iat forged into the future',
          { ...good(), iat: now() + 24 * HOUR, exp: now() + 25 * HOUR },
        ],
      ];
      for (const [name, claims] of cases) {
        const res = await metrics(t, await idpToken(claims));
        expect({ name, status: res.status, code: res.body['code'] }).toEqual({
          name,
          status: 401,
          code: 'TOKEN_LIFETIME',
        });
      }
    });
  });

  describe('with the development key (no NODE_ENV)', () => {
    let t: TestApp;
    let devKey: KeyObject;
    const dev = (claims: JWTPayload): Promise<string> =>
      sign(devKey, 'EdDSA', { iss: 'inr-ledger-dev', aud: 'inr-ledger', ...claims });
    beforeAll(async () => {
      t = await startTestApp();
      await t.token('admin', 'adm-1'); // creates the key
      devKey = createPrivateKey(readFileSync(join(t.dataDir, 'dev-jwt.key')));
    });
    afterAll(() => t.close());

    it('accepts `inr-ledger token` tokens, which carry exp', async () => {
      expect((await metrics(t, await t.token('admin', 'adm-1'))).status).toBe(200);
    });

    it('still checks the issuer and audience, exp and the lifetime', async () => {
      const cases: [string, JWTPayload, string][] = [
        ['no exp', { iat: now() }, 'TOKEN_LIFETIME'],
        ['exp in 9999', { iat: now(), exp: Date.UTC(9999, 0, 1) / 1000 }, 'TOKEN_LIFETIME'],
        ['other audience', { aud: 'other', iat: now(), exp: now() + HOUR }, 'UNAUTHENTICATED'],
        ['other issuer', { iss: 'other', iat: now(), exp: now() + HOUR }, 'UNAUTHENTICATED'],
      ];
      for (const [name, claims, code] of cases) {
        const res = await metrics(t, await dev(claims));
        expect({ name, status: res.status, code: res.body['code'] }).toEqual({
          name,
          status: 401,
          code,
        });
      }
    });

    it('honours LEDGER_JWT_MAX_LIFETIME', async () => {
      const short = await startTestApp({ LEDGER_JWT_MAX_LIFETIME: '30m' });
      try {
        const hour = await metrics(short, await short.token('admin', 'adm-1', 'rvi', '1h'));
        expect(hour.body['code']).toBe('TOKEN_LIFETIME');
        const halfHour = await metrics(short, await short.token('admin', 'adm-1', 'rvi', '25m'));
        expect(halfHour.status).toBe(200);
      } finally {
        await short.close();
      }
    });
  });

  describe('starting in production', () => {
    it('refuses to build the app without an identity provider, before opening anything', async () => {
      const config = loadConfig({ NODE_ENV: 'production', LEDGER_DATA_DIR: '/nonexistent/inr' });
      await expect(createApp(config)).rejects.toThrow(
        /NODE_ENV=production needs an identity provider: set LEDGER_JWKS_URL, LEDGER_JWT_ISSUER and LEDGER_JWT_AUDIENCE/,
      );
    });

    it('serves with --dev-keys, logging a warning at start, and accepts development tokens', async () => {
      const lines: string[] = [];
      const t = await startTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'warn' }, undefined, {
        devKeys: true,
        logWriter: (line) => lines.push(line),
      });
      try {
        const warning = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
        expect(warning).toContainEqual(
          expect.objectContaining({ level: 'warn', msg: expect.stringContaining('--dev-keys') }),
        );
        expect((await metrics(t, await t.token('admin', 'adm-1'))).status).toBe(200);
      } finally {
        await t.close();
      }
    });
  });
});
