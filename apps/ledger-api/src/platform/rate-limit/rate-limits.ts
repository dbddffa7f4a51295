import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { LedgerConfig } from '../../config/ledger-config';
import { ProblemException } from '../problem/problem.exception';

/** Load balancers poll these; a busy neighbour on the same address must not take a node out. */
const UNLIMITED = new Set(['/health', '/ready']);

/**
 * Two limits per window (@fastify/rate-limit's stores, our own hook): one per client address
 * (which also bounds callers that invent tokens), one per bearer token (a client behind a shared
 * address, such as a trust's proxy, is not throttled for its neighbours, and a stolen token
 * cannot be replayed fast). Past either: 429 RATE_LIMITED with Retry-After. Counted before
 * authentication, so refused tokens count too; a token is keyed by its hash, never kept.
 */
export async function registerRateLimits(
  app: NestFastifyApplication,
  limits: LedgerConfig['rateLimit'],
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(rateLimit, { global: false });
  const timeWindow = limits.windowSeconds * 1000;
  const byAddress =
    limits.perAddress > 0
      ? fastify.createRateLimit({
          max: limits.perAddress,
          timeWindow,
          keyGenerator: (request) => request.ip,
        })
      : undefined;
  const byToken =
    limits.perToken > 0
      ? fastify.createRateLimit({
          max: limits.perToken,
          timeWindow,
          keyGenerator: (request) => tokenKey(request) ?? '',
          allowList: (request) => tokenKey(request) === undefined,
        })
      : undefined;
  if (!byAddress && !byToken) return;
  fastify.addHook('onRequest', async (request) => {
    if (UNLIMITED.has(request.url.split('?')[0] ?? '')) return;
    for (const [limiter, what] of [
      [byAddress, 'this address'],
      [byToken, 'this token'],
    ] as const) {
      if (!limiter) continue;
      const state = await limiter(request);
      if (!state.isAllowed && state.isExceeded)
        throw new ProblemException(
          429,
          'RATE_LIMITED',
          `more than ${state.max} requests in ${limits.windowSeconds} s from ${what}; retry in ${state.ttlInSeconds} s`,
          undefined,
          Math.max(1, state.ttlInSeconds),
        );
    }
  });
}

const tokenKeys = new WeakMap<FastifyRequest, string | undefined>();

/** The bearer token's SHA-256 (base64url, 128 bits), or undefined without one. */
function tokenKey(request: FastifyRequest): string | undefined {
  if (tokenKeys.has(request)) return tokenKeys.get(request);
  const header = request.headers.authorization;
  const token =
    typeof header === 'string' && /^bearer /i.test(header) ? header.slice(7).trim() : '';
  const key =
    token === '' ? undefined : createHash('sha256').update(token).digest('base64url').slice(0, 22);
  tokenKeys.set(request, key);
  return key;
}
