import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { PatientIdentifierInterceptor } from './patient-identifier.interceptor';

/**
 * Every command route's interceptor: the patient-identifier scan, then the idempotency check,
 * in that order, as one Nest interceptor (each interceptor layer costs a deferred observable and
 * an async-context binding per request).
 */
@Injectable()
export class CommandInterceptor implements NestInterceptor {
  constructor(
    @Inject(PatientIdentifierInterceptor) private readonly patients: PatientIdentifierInterceptor,
    @Inject(IdempotencyInterceptor) private readonly idempotency: IdempotencyInterceptor,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.patients.check(context);
    return this.idempotency.intercept(context, next);
  }
}
