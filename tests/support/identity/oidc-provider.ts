import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

/**
 * A tiny OpenID Connect provider on 127.0.0.1 (ephemeral port) for tests: discovery, JWKS, and
 * the authorisation code flow with PKCE S256 (RFC 7636) for one public client. The authorisation
 * endpoint signs in `person` at once (no login page); the token endpoint answers an ES256 access
 * token for `audience`. Browsers call discovery, JWKS and token cross-origin, hence the CORS headers.
 */
export interface OidcProvider {
  issuer: string;
  jwksUrl: string;
  /** Signs exactly the claims given with the provider's key (kid k1). */
  sign(claims: JWTPayload): Promise<string>;
  /** Where the client may be sent back to (exact match), e.g. `${app}/auth/callback`. */
  redirectUri: string;
  close(): Promise<void>;
}

export interface OidcProviderOptions {
  clientId?: string;
  audience?: string;
  /** The claims of the person who signs in (sub, role, institution). */
  person?: JWTPayload;
}

interface Grant {
  challenge: string;
  redirectUri: string;
}

const s256 = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<OidcProvider> {
  const pair = await generateKeyPair('ES256');
  const jwks = {
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }],
  };
  const codes = new Map<string, Grant>();
  let issuer = '';
  const sign = (claims: JWTPayload): Promise<string> =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'k1' })
      .sign(pair.privateKey as KeyLike);

  const provider: OidcProvider = {
    issuer: '',
    jwksUrl: '',
    sign,
    redirectUri: '',
    close: () => new Promise((done) => server.close(() => done())),
  };

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const authorize = (url: URL, res: ServerResponse): void => {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    const wrong =
      q.get('response_type') !== 'code' ||
      q.get('client_id') !== options.clientId ||
      redirectUri !== provider.redirectUri ||
      q.get('code_challenge_method') !== 'S256' ||
      !q.get('code_challenge');
    if (wrong) return json(res, 400, { error: 'invalid_request' });
    const code = randomBytes(16).toString('base64url');
    codes.set(code, { challenge: q.get('code_challenge')!, redirectUri });
    const back = new URL(redirectUri);
    back.search = new URLSearchParams({ code, state: q.get('state') ?? '' }).toString();
    res.writeHead(302, { location: back.toString() });
    res.end();
  };
  const token = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const form = new URLSearchParams(body);
    const grant = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? ''); // one use only
    const ok =
      grant !== undefined &&
      form.get('grant_type') === 'authorization_code' &&
      form.get('client_id') === options.clientId &&
      form.get('redirect_uri') === grant.redirectUri &&
      s256(form.get('code_verifier') ?? '') === grant.challenge;
    if (!ok) return json(res, 400, { error: 'invalid_grant' });
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await sign({
      ...options.person,
      iss: issuer,
      aud: options.audience,
      iat: now,
      exp: now + 600,
    });
    json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 600 });
  };

  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration')
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks.json`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
    if (url.pathname === '/jwks.json') return json(res, 200, jwks);
    if (url.pathname === '/authorize' && req.method === 'GET') return authorize(url, res);
    if (url.pathname === '/token' && req.method === 'POST')
      return void token(req, res).catch(() => json(res, 500, { error: 'server_error' }));
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider.issuer = issuer;
  provider.jwksUrl = `${issuer}/jwks.json`;
  return provider;
}
