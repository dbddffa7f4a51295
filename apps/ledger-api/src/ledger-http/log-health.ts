import { Gauge, type Registry } from 'prom-client';
import type { EventStore } from '@inr/event-store';
import type { LedgerLog, LedgerStore, LogFailure } from '@inr/ledger';

export interface LogHealth {
  /** failing: a stage keeps failing (retried with backoff); lagging: past the allowed lag. */
  status: 'ok' | 'failing' | 'lagging';
  reason?: string;
  /** Events in the store not yet in the Merkle tree. */
  unintegrated: number;
  /** Events in the store no signed checkpoint covers yet. */
  unsigned: number;
  /** How long the oldest event no checkpoint covers has waited (0 when all are covered). */
  lagSeconds: number;
  /** Since the latest checkpoint was signed (undefined before the first). */
  checkpointAgeSeconds?: number;
}

export interface LogHealthSources {
  events: EventStore;
  log: LedgerLog;
  store: LedgerStore;
  failures: () => Array<LogFailure | undefined>;
  maxLagSeconds: number;
}

/**
 * Watches the signed log from the outside: what the store holds against what the tree and the
 * latest checkpoint cover. A log that stops or falls behind shows in /ready and /metrics
 * instead of going quiet while the store grows.
 */
export class LogHealthMonitor {
  /** Epoch ms since which some event has waited for a checkpoint; undefined when none waits. */
  private behindSince: number | undefined;

  constructor(private readonly sources: LogHealthSources) {}

  /** The tree grew: its new events now wait for a checkpoint. */
  integrated(treeSize: number, now = Date.now()): void {
    if (this.behindSince === undefined && treeSize > this.checkpointSize()) this.behindSince = now;
  }

  /** A checkpoint of `size` was signed. */
  signed(size: number, now = Date.now()): void {
    this.behindSince = size >= this.sources.log.size() ? undefined : now;
  }

  async health(now = Date.now()): Promise<LogHealth> {
    const storeSize = await this.sources.events.count();
    const latest = this.sources.store.latestCheckpoint();
    const signedSize = latest?.size ?? 0;
    if (storeSize <= signedSize) this.behindSince = undefined;
    else this.behindSince ??= now;
    const lagSeconds = this.behindSince === undefined ? 0 : (now - this.behindSince) / 1000;
    const health: LogHealth = {
      status: 'ok',
      unintegrated: Math.max(0, storeSize - this.sources.log.size()),
      unsigned: Math.max(0, storeSize - signedSize),
      lagSeconds,
      ...(latest ? { checkpointAgeSeconds: (now - Date.parse(latest.signedAt)) / 1000 } : {}),
    };
    const failure = this.sources.failures().find((f) => f !== undefined);
    if (failure) {
      const stage = failure.stage === 'integrate' ? 'integrating events' : 'signing checkpoints';
      return {
        ...health,
        status: 'failing',
        reason:
          `the log has been failing at ${stage} for ${Math.round((now - failure.since) / 1000)} s ` +
          `(${failure.attempts} attempts, retrying): ${failure.reason}`,
      };
    }
    if (lagSeconds > this.sources.maxLagSeconds) {
      return {
        ...health,
        status: 'lagging',
        reason:
          `${health.unsigned} events have waited ${Math.round(lagSeconds)} s for a signed ` +
          `checkpoint (allowed: ${this.sources.maxLagSeconds} s)`,
      };
    }
    return health;
  }

  /** Log lag gauges, read when /metrics is scraped. */
  register(registry: Registry): void {
    const read = async (pick: (h: LogHealth) => number): Promise<number> =>
      pick(await this.health());
    const gauge = (name: string, help: string, pick: (h: LogHealth) => number): void => {
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          this.set(await read(pick));
        },
      });
    };
    gauge(
      'ledger_log_unintegrated_events',
      'Events in the store not yet in the Merkle tree',
      (h) => h.unintegrated,
    );
    gauge(
      'ledger_log_unsigned_events',
      'Events in the store no signed checkpoint covers yet',
      (h) => h.unsigned,
    );
    gauge(
      'ledger_log_lag_seconds',
      'How long the oldest event no checkpoint covers has waited',
      (h) => h.lagSeconds,
    );
    gauge(
      'ledger_checkpoint_age_seconds',
      'Seconds since the latest checkpoint was signed (-1: none yet)',
      (h) => h.checkpointAgeSeconds ?? -1,
    );
    gauge(
      'ledger_log_failing',
      '1 while integrating or signing keeps failing (retried with backoff)',
      (h) => (h.status === 'failing' ? 1 : 0),
    );
  }

  private checkpointSize(): number {
    return this.sources.store.latestCheckpoint()?.size ?? 0;
  }
}
