import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { KeyObject } from 'node:crypto';
import { ROLES, type Role } from '@inr/domain';
import type { LedgerConfig } from '../config/ledger-config';
import { unauthenticated } from '../platform/problem/problem.exception';
import type { AuthenticatedActor } from './actor';
import { loadOrCreateDevelopmentKey } from './development-key';

const SUBJECT = /^[A-Za-z0-9._:@-]{1,128}$/;
/** Verified tokens remembered (until they expire): a signature check costs more than the rest of a request's auth. */
const CACHE_LIMIT = 10_000;
/** Clocks of the identity provider and this server may disagree by this much (lifetime check). */
const CLOCK_SKEW_SECONDS = 60;

/** Verifies bearer tokens: against the identity provider's JWKS, or the local development key. */
export class TokenVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly issuer: string;
  private readonly audience: string;
  private readonly maxLifetimeSeconds: number;

  constructor(config: Pick<LedgerConfig, 'auth' | 'dataDir'>) {
    if (config.auth.kind === 'jwks') {
      this.key = createRemoteJWKSet(new URL(config.auth.jwksUrl));
    } else {
      this.key = loadOrCreateDevelopmentKey(config.dataDir).publicKey;
    }
    this.issuer = config.auth.issuer;
    this.audience = config.auth.audience;
    this.maxLifetimeSeconds = config.auth.maxLifetimeSeconds;
  }

  private readonly verified = new Map<string, { actor: AuthenticatedActor; expiresAtMs: number }>();

  async verify(token: string): Promise<AuthenticatedActor> {
    const cached = this.verified.get(token);
    if (cached && cached.expiresAtMs > Date.now()) return cached.actor;
    if (cached) this.verified.delete(token);
    const { actor, expiresAtMs } = await this.verifyUncached(token);
    if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
    this.verified.set(token, { actor, expiresAtMs });
    return actor;
  }

  private async verifyUncached(
    token: string,
  ): Promise<{ actor: AuthenticatedActor; expiresAtMs: number }> {
    let payload: Record<string, unknown>;
    try {
      const options = {
        algorithms: ['EdDSA', 'Ed25519', 'ES256', 'RS256', 'PS256'],
        issuer: this.issuer,
        audience: this.audience,
        requiredClaims: ['exp'],
      };
      const result =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options);
      payload = result.payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw unauthenticated('the bearer token has expired', 'TOKEN_EXPIRED');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp')
        throw unauthenticated('the bearer token has no expiry (exp)', 'TOKEN_LIFETIME');
      throw unauthenticated('the bearer token is not valid');
    }
    const { sub, role, institution, exp, iat, issuer } = payload;
    this.checkLifetime(exp, iat);
    if (typeof sub !== 'string' || !SUBJECT.test(sub))
      throw unauthenticated('the token has no usable subject');
    if (typeof role !== 'string' || !ROLES.includes(role as Role))
      throw unauthenticated('the token names no known role');
    if (typeof institution !== 'string' || !SUBJECT.test(institution)) {
      throw unauthenticated('the token names no institution');
    }
    // Cached for a minute at most, so a key withdrawn from the JWKS still bites soon.
    const expiresAtMs = Math.min((exp as number) * 1000, Date.now() + 60_000);
    // The issuer claim names the body (e.g. "rcr") whose pathways this actor publishes; it is
    // not the token's own issuer (`iss`, the identity provider).
    if (issuer !== undefined && (typeof issuer !== 'string' || !SUBJECT.test(issuer)))
      throw unauthenticated('the token names an unusable issuer');
    return {
      actor: {
        subject: sub,
        role: role as Role,
        institutionId: institution,
        ...(issuer !== undefined && { issuer }),
      },
      expiresAtMs,
    };
  }

  /** exp is required; neither exp − iat nor exp − now may exceed the configured maximum. */
  private checkLifetime(exp: unknown, iat: unknown): void {
    const now = Math.floor(Date.now() / 1000);
    if (typeof exp !== 'number')
      throw unauthenticated('the bearer token has no expiry (exp)', 'TOKEN_LIFETIME');
    const issuedAt = typeof iat === 'number' ? Math.min(iat, now) : now;
    if (exp - issuedAt > this.maxLifetimeSeconds + CLOCK_SKEW_SECONDS)
      throw unauthenticated(
        `the bearer token lives longer than the ${this.maxLifetimeSeconds} s this ledger accepts`,
        'TOKEN_LIFETIME',
      );
  }
}
