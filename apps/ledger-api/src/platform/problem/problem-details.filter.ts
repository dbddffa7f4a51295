import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { JsonLogger } from '../logging/json-logger';
import { LedgerMetrics } from '../metrics/ledger-metrics';
import { toProblem } from './to-problem';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The one place errors become responses: RFC 9457 problem+json. A 5xx is a bug, so it is logged with the request id. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    @Inject(JsonLogger) private readonly logger: JsonLogger,
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception, request);
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
    if (reply.sent) return; // e.g. a live feed that already streamed its headers
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  }
}
