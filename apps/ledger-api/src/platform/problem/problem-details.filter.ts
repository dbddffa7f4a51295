import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LedgerConfig } from '../../config/ledger-config';
import { Readiness } from '../health/readiness';
import { JsonLogger } from '../logging/json-logger';
import { LedgerMetrics } from '../metrics/ledger-metrics';
import { storageFailure } from '../store/storage-failure';
import { LEDGER_CONFIG } from '../store/tokens';
import { ProblemException, type ProblemDetails } from './problem.exception';
import { sendProblem } from './fastify-problems';
import { toProblem } from './to-problem';

/** How soon a client may retry after a storage failure. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/**
 * The one place errors become responses: RFC 9457 problem+json. A 5xx is a bug or an outage, so
 * it is logged with the request id. A storage outage (SQLite busy, I/O error or disk full; a lost
 * PostgreSQL or EventStoreDB connection) is 503 STORAGE_UNAVAILABLE with Retry-After, and /ready
 * reports STORAGE_FAILING for `readiness.storageFailureSeconds` after it.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    @Inject(JsonLogger) private readonly logger: JsonLogger,
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, retryAfterSeconds } = this.problemFor(exception, request);
    if (reply.sent) return; // e.g. a live feed that already streamed its headers
    sendProblem(reply, problem, retryAfterSeconds);
  }

  /**
   * The problem an error becomes (counted, and logged when a 5xx). The writer process also
   * answers its HTTP workers' forwarded commands through this, so both map errors alike.
   */
  problemFor(
    exception: unknown,
    request: { id?: unknown; method?: string; url: string; headers: FastifyRequest['headers'] },
  ): { problem: ProblemDetails; retryAfterSeconds?: number } {
    const refined = this.storageProblem(exception) ?? exception;
    const problem = toProblem(refined, request);
    this.metrics.errors.inc({ code: problem.code });
    if (problem.status >= 500) {
      const error = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.logEvent('error', 'request failed', {
        reqId: request.id,
        method: request.method,
        url: request.url,
        error: error.message,
        stack: error.stack,
      });
    }
    const retryAfterSeconds =
      refined instanceof ProblemException ? refined.retryAfterSeconds : undefined;
    return retryAfterSeconds === undefined ? { problem } : { problem, retryAfterSeconds };
  }

  private storageProblem(exception: unknown): ProblemException | undefined {
    const failure = storageFailure(exception);
    if (failure === undefined) return undefined;
    const seconds = this.config.readiness.storageFailureSeconds;
    this.readiness.set('storage', {
      code: 'STORAGE_FAILING',
      detail: `a request failed on storage (${failure.cause}) at ${new Date().toISOString()}; ready again ${seconds} s after the last failure`,
      until: Date.now() + seconds * 1000,
    });
    return new ProblemException(
      503,
      'STORAGE_UNAVAILABLE',
      `storage is unavailable (${failure.cause}); retry (a command with the same Idempotency-Key: it is never written twice)`,
      undefined,
      STORAGE_RETRY_AFTER_SECONDS,
    );
  }
}
