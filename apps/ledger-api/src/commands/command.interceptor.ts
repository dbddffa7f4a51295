import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { Readiness } from '../platform/health/readiness';
import { ProblemException } from '../platform/problem/problem.exception';
import { rejectPatientIdentifiers } from './reject-patient-identifiers';

/** Route metadata: the body member that carries another ledger's signed evidence. */
export const SIGNED_EVIDENCE_MEMBER = 'inr:signed-evidence-member';

/**
 * Every command route's interceptor: refuse writes while the service is read-only (the log may
 * not sign: a write now would take a leaf a published checkpoint says is another event's), then
 * the patient-identifier scan, then the idempotency check, in that order, as one Nest
 * interceptor (each interceptor layer costs a deferred observable and an async-context binding
 * per request).
 */
@Injectable()
export class CommandInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyInterceptor) private readonly idempotency: IdempotencyInterceptor,
    @Inject(Readiness) private readonly readiness: Readiness,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    refuseWritesWhenReadOnly(this.readiness);
    rejectPatientIdentifiers(
      context.switchToHttp().getRequest<FastifyRequest>(),
      Reflect.getMetadata(SIGNED_EVIDENCE_MEMBER, context.getHandler()) as string | undefined,
    );
    return this.idempotency.intercept(context, next);
  }
}

/** 503 LEDGER_READ_ONLY while a readiness reason refuses writes (the writer checks its workers' too). */
export function refuseWritesWhenReadOnly(readiness: Readiness): void {
  const readOnly = readiness.writesRefused();
  if (readOnly !== undefined) {
    throw new ProblemException(503, 'LEDGER_READ_ONLY', `read-only: ${readOnly.detail}`);
  }
}
