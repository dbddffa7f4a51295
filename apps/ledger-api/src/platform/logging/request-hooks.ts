import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { LedgerMetrics } from '../metrics/ledger-metrics';
import type { JsonLogger } from './json-logger';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Honour a caller's x-request-id when it is sane, so one id follows a request across services. */
export function requestIdFrom(request: {
  headers: Record<string, string | string[] | undefined>;
}): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}

const started = new WeakMap<FastifyRequest, bigint>();

/** x-request-id in and out, one structured log line and the HTTP metrics per request. */
export function installRequestHooks(
  fastify: FastifyInstance,
  logger: JsonLogger,
  metrics: LedgerMetrics,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    started.set(request, process.hrtime.bigint());
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const begun = started.get(request);
    const seconds = begun === undefined ? 0 : Number(process.hrtime.bigint() - begun) / 1e9;
    // The route template, never the raw URL: ids in paths would explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.latency.observe(labels, seconds);
    if (logger.enabled('info')) {
      logger.logEvent('info', 'request', {
        reqId: request.id,
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(seconds * 1e4) / 10,
      });
    }
    done();
  });
}
