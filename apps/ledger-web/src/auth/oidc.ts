import { sessionFromToken, type Session } from './session';

// OpenID Connect authorisation code flow with PKCE (RFC 7636) for a public client: the browser
// holds no secret, so the code is bound to a one-time verifier kept in this tab only.

const PENDING = 'inr-ledger.oidc';
export const CALLBACK_PATH = '/auth/callback';

interface Provider {
  issuer: string;
  clientId: string;
  scope: string;
}

interface Pending extends Provider {
  verifier: string;
  state: string;
  tokenEndpoint: string;
}

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomString = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** S256: BASE64URL(SHA-256(ASCII(verifier))). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function discover(
  issuer: string,
): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`the identity provider's discovery document answered ${res.status}`);
  const config = (await res.json()) as {
    issuer?: string;
    authorization_endpoint: string;
    token_endpoint: string;
  };
  // OpenID Connect Discovery 1.0 §4.3: the document must name the issuer it was fetched for.
  if (config.issuer?.replace(/\/$/, '') !== issuer.replace(/\/$/, ''))
    throw new Error(`the discovery document names issuer ${config.issuer}, not ${issuer}`);
  return config;
}

/** Leaves for the provider's sign-in page; it comes back to /auth/callback with a code. */
export async function beginOidcSignIn(provider: Provider): Promise<void> {
  const config = await discover(provider.issuer);
  const pending: Pending = {
    ...provider,
    verifier: randomString(),
    state: randomString(),
    tokenEndpoint: config.token_endpoint,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(config.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: provider.clientId,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    scope: provider.scope,
    state: pending.state,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** On /auth/callback: checks the state, trades the code and verifier for the tokens. */
export async function completeOidcSignIn(query: string): Promise<Session> {
  const params = new URLSearchParams(query);
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (params.get('error'))
    throw new Error(
      `the identity provider refused: ${params.get('error_description') ?? params.get('error')}`,
    );
  if (!raw) throw new Error('no sign-in was started in this tab; start again');
  const pending = JSON.parse(raw) as Pending;
  const code = params.get('code');
  if (!code || params.get('state') !== pending.state)
    throw new Error('the sign-in answer does not match the request made (state); start again');
  const res = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${location.origin}${CALLBACK_PATH}`,
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) {
    // RFC 6749 §5.2: the refusal says why in `error` (e.g. invalid_grant for a wrong verifier).
    const refusal = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(
      `the identity provider's token endpoint answered ${res.status}${refusal.error ? ` (${refusal.error})` : ''}; start again`,
    );
  }
  const tokens = (await res.json()) as { access_token?: string };
  // The API verifies the access token against the provider's JWKS (LEDGER_JWKS_URL).
  const session = tokens.access_token ? sessionFromToken(tokens.access_token) : undefined;
  if (!session) throw new Error('the access token carries no sub, role and institution claims');
  return session;
}
