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

/** Verifies bearer tokens: against the identity provider's JWKS, or the local development key. */
export class TokenVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly issuer?: string;
  private readonly audience?: string;

  constructor(config: Pick<LedgerConfig, 'auth' | 'dataDir'>) {
    if (config.auth.kind === 'jwks') {
      this.key = createRemoteJWKSet(new URL(config.auth.jwksUrl));
    } else {
      this.key = loadOrCreateDevelopmentKey(config.dataDir).publicKey;
    }
    this.issuer = config.auth.issuer;
    this.audience = config.auth.audience;
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
        ...(this.issuer ? { issuer: this.issuer } : {}),
        ...(this.audience ? { audience: this.audience } : {}),
      };
      const result =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options);
      payload = result.payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw unauthenticated('the bearer token has expired', 'TOKEN_EXPIRED');
      throw unauthenticated('the bearer token is not valid');
    }
    const { sub, role, institution, exp, issuer } = payload;
    if (typeof sub !== 'string' || !SUBJECT.test(sub))
      throw unauthenticated('the token has no usable subject');
    if (typeof role !== 'string' || !ROLES.includes(role as Role))
      throw unauthenticated('the token names no known role');
    if (typeof institution !== 'string' || !SUBJECT.test(institution)) {
      throw unauthenticated('the token names no institution');
    }
    // Without exp a token is cached for a minute at most, so revocation at the IdP still bites.
    const expiresAtMs = Math.min(
      typeof exp === 'number' ? exp * 1000 : Number.POSITIVE_INFINITY,
      Date.now() + 60_000,
    );
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
}
