import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { rejectPatientIdentifiers } from './reject-patient-identifiers';

/**
 * Every command route's interceptor: the patient-identifier scan, then the idempotency check,
 * in that order, as one Nest interceptor (each interceptor layer costs a deferred observable and
 * an async-context binding per request).
 */
@Injectable()
export class CommandInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyInterceptor) private readonly idempotency: IdempotencyInterceptor,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    rejectPatientIdentifiers(context.switchToHttp().getRequest<FastifyRequest>());
    return this.idempotency.intercept(context, next);
  }
}
