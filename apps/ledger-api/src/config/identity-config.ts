import { parseDuration } from './duration';
import type { Environment } from './settings';

export const DEV_ISSUER = 'inr-ledger-dev';
export const DEV_AUDIENCE = 'inr-ledger';

/**
 * Longest a token may live (exp − iat, and exp − now). A bearer token cannot be withdrawn
 * before it expires (the verifier keeps no revocation list; the identity provider only stops
 * issuing new ones), so its lifetime is how long a leaked token stays usable. Twelve hours is
 * one clinical shift, so a clinician signs in once per shift; identity providers' access
 * tokens (typically an hour) are well inside it, and `inr-ledger token` mints 12 h by default.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME = '12h';

interface TokenRules {
  /** Expected `iss`: always checked. */
  issuer: string;
  /** Expected `aud`: always checked. */
  audience: string;
  /** Tokens whose exp − iat or exp − now exceeds this are refused; tokens without exp too. */
  maxLifetimeSeconds: number;
}

/** External identity provider: tokens verified against its JWKS (production). */
export interface JwksAuthConfig extends TokenRules {
  kind: 'jwks';
  jwksUrl: string;
}

/** Local development key in <dataDir>/dev-jwt.key, created on first start. */
export interface DevelopmentAuthConfig extends TokenRules {
  kind: 'development';
}

export type AuthConfig = JwksAuthConfig | DevelopmentAuthConfig;

/** The identity settings (LEDGER_JWKS_URL, LEDGER_JWT_*); throws on a value it cannot use. */
export function authConfigFrom(env: Environment): AuthConfig {
  const maxLifetimeSeconds =
    parseDuration(
      env.get('LEDGER_JWT_MAX_LIFETIME')?.trim() || DEFAULT_MAX_TOKEN_LIFETIME,
      'LEDGER_JWT_MAX_LIFETIME',
    ) / 1000;
  const issuer = env.get('LEDGER_JWT_ISSUER')?.trim() || undefined;
  const audience = env.get('LEDGER_JWT_AUDIENCE')?.trim() || undefined;
  const jwksUrl = env.get('LEDGER_JWKS_URL')?.trim();
  if (!jwksUrl) {
    return {
      kind: 'development',
      issuer: issuer ?? DEV_ISSUER,
      audience: audience ?? DEV_AUDIENCE,
      maxLifetimeSeconds,
    };
  }
  if (!/^https?:\/\/[^\s]+$/.test(jwksUrl) || !URL.canParse(jwksUrl))
    throw new Error(`LEDGER_JWKS_URL must be an http(s) URL, got ${jwksUrl}`);
  // An identity provider serves many applications: without both, another application's
  // token from the same provider would be accepted here.
  const missing = [
    ...(issuer === undefined ? ['LEDGER_JWT_ISSUER'] : []),
    ...(audience === undefined ? ['LEDGER_JWT_AUDIENCE'] : []),
  ];
  if (issuer === undefined || audience === undefined)
    throw new Error(
      `LEDGER_JWKS_URL needs ${missing.join(' and ')}: without them a token issued to another application would be accepted`,
    );
  return { kind: 'jwks', jwksUrl, issuer, audience, maxLifetimeSeconds };
}

/**
 * Why this configuration must not serve, or undefined. In production (NODE_ENV=production) the
 * development key would let anyone with shell access to the data directory mint an admin token,
 * so serving needs an identity provider, unless `serve --dev-keys` says so explicitly.
 */
export function identityRefusal(config: {
  production: boolean;
  devKeys: boolean;
  auth: AuthConfig;
}): string | undefined {
  if (!config.production || config.auth.kind === 'jwks' || config.devKeys) return undefined;
  return (
    'NODE_ENV=production needs an identity provider: set LEDGER_JWKS_URL, LEDGER_JWT_ISSUER ' +
    'and LEDGER_JWT_AUDIENCE (or, never with real users, start with `serve --dev-keys` to ' +
    'accept tokens from the development key in the data directory)'
  );
}

/** The warning every start with development keys in production logs. */
export const DEV_KEYS_WARNING =
  'serving production with --dev-keys: tokens minted by `inr-ledger token` from the data directory are accepted';
