import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { hash } from 'node:crypto';
import { concatMap, finalize, from, Observable, switchMap } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { badRequest, unprocessable } from '../platform/problem/problem.exception';
import { canonicalJson } from './canonical-json';
import { IdempotencyStore, type StoredResponse } from './idempotency-store';

/** Commands answer 201 Created (the Command decorator sets it), so that is what a replay repeats. */
const COMMAND_STATUS = 201;
const KEY = /^[\x21-\x7e]{1,255}$/;

export type IdempotentRequest = AuthenticatedRequest & { idempotencyKey?: string };

/**
 * Every command carries an Idempotency-Key. The first response is stored with a hash of the
 * request; a retry with the same key and request gets that response again (status, body,
 * ETag) and writes nothing; the same key with another request is refused.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  /** Requests still running, so a concurrent retry waits for the first answer. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw badRequest(
        'IDEMPOTENCY_KEY_REQUIRED',
        'commands need an Idempotency-Key header (1-255 visible ASCII characters)',
      );
    }
    const subject = request.actor?.subject ?? '';
    request.idempotencyKey = key;
    const hash = requestHash(request.method, request.url, request.body);
    const slot = `${subject}\n${key}`;
    // Requests with one key queue here, each behind the one before it (set before any await).
    const running = this.inFlight.get(slot);
    let done: () => void = noop;
    const mine = new Promise<void>((resolve) => (done = resolve));
    this.inFlight.set(slot, mine);
    const release = (): void => {
      if (this.inFlight.get(slot) === mine) this.inFlight.delete(slot);
      done();
    };
    const settle = running ? running.then(noop, noop) : Promise.resolve();
    return from(settle.then(() => this.store.get(subject, key))).pipe(
      switchMap((stored) => {
        if (stored) return [replay(stored, hash, reply)];
        return next.handle().pipe(
          // The response is stored before it is sent: a retry, here or on another replica,
          // replays it; if another replica stored one first, that one is the answer.
          concatMap(async (body: unknown) => {
            const ours: StoredResponse = {
              requestHash: hash,
              status: COMMAND_STATUS,
              body: JSON.stringify(body),
              etag: etagOf(body),
            };
            const kept = await this.store.put(subject, key, ours);
            if (kept.body !== ours.body || kept.requestHash !== hash) {
              return replay(kept, hash, reply);
            }
            if (ours.etag) void reply.header('etag', ours.etag);
            return body;
          }),
        );
      }),
      finalize(() => {
        this.store.release(subject, key);
        release();
      }),
    );
  }
}

function replay(stored: StoredResponse, hash: string, reply: FastifyReply): unknown {
  if (stored.requestHash !== hash) {
    throw unprocessable(
      'IDEMPOTENCY_KEY_REUSED',
      'this Idempotency-Key was already used for a different request',
    );
  }
  if (stored.etag) void reply.header('etag', stored.etag);
  void reply.header('idempotent-replayed', 'true');
  return JSON.parse(stored.body) as unknown;
}

function etagOf(body: unknown): string | undefined {
  const revision = (body as { revision?: unknown } | null)?.revision;
  return typeof revision === 'number' ? `"${revision}"` : undefined;
}

export function requestHash(method: string, url: string, body: unknown): string {
  const path = url.split('?')[0] ?? url;
  return hash('sha256', `${method} ${path}\n${canonicalJson(body ?? null)}`, 'hex');
}

function noop(): void {}
