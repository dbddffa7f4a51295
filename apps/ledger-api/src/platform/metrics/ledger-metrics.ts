import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's Prometheus metrics, on a registry of its own (not prom-client's global one)
 * so that several apps in one process, as in tests, do not clash.
 */
export class LedgerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests served, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly appends = new Counter({
    name: 'ledger_events_appended_total',
    help: 'Events appended to the ledger through the API, by event type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'ledger_http_errors_total',
    help: 'Error responses, by problem code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly logFailures = new Counter({
    name: 'ledger_log_failures_total',
    help: 'Failed attempts to integrate events into the Merkle log or sign a checkpoint, by stage',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }
}
