import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { SELF_DECLARED_DEPS_METADATA } from '@nestjs/common/constants';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthGuard } from '../auth/auth.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { COMMAND_CONTROLLERS } from '../commands/command-controllers';
import { CommandService } from '../commands/command-service';
import { CommandInterceptor } from '../commands/command.interceptor';
import type { LedgerConfig } from '../config/ledger-config';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { Readiness } from '../platform/health/readiness';
import { JsonLogger } from '../platform/logging/json-logger';
import { LedgerMetrics } from '../platform/metrics/ledger-metrics';
import { ProblemDetailsFilter } from '../platform/problem/problem-details.filter';
import { LEDGER_CONFIG } from '../platform/store/tokens';
import { RemoteCommands, RemoteIdempotencyStore, type WriterClient } from './writer-client';

/**
 * The command controllers whose only dependency is the CommandService: what a worker serves
 * itself. The few that read the store or the read models first (a decision's evaluation, a
 * revocation's review flags, a bulk sign-off, recognition, reflections) go to the writer whole.
 */
export const WORKER_CONTROLLERS: Type<unknown>[] = COMMAND_CONTROLLERS.filter((controller) => {
  const deps = (Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, controller) ?? []) as {
    param: unknown;
  }[];
  return deps.length > 0 && deps.every((d) => d.param === CommandService);
});

/**
 * An HTTP worker's Nest module: the command routes with the same guard, validation,
 * interceptors and problem answers as the writer's, and the CommandService and Idempotency-Key
 * store replaced by calls to the writer.
 */
@Module({})
export class HttpWorkerModule {
  static forRoot(
    config: LedgerConfig,
    deps: { logger: JsonLogger; metrics: LedgerMetrics; writer: WriterClient },
  ): DynamicModule {
    return {
      module: HttpWorkerModule,
      controllers: WORKER_CONTROLLERS,
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: JsonLogger, useValue: deps.logger },
        { provide: LedgerMetrics, useValue: deps.metrics },
        { provide: CommandService, useValue: new RemoteCommands(deps.writer) },
        { provide: IdempotencyStore, useValue: new RemoteIdempotencyStore(deps.writer) },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(config) },
        // Reasons to refuse writes live in the writer, which checks them for every command.
        Readiness,
        IdempotencyInterceptor,
        CommandInterceptor,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
