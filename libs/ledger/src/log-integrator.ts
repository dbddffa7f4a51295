import type { Subscription } from 'rxjs';
import type { LedgerLog } from './ledger-log';
import { RetryBackoff, type BackoffOptions, type LogFailure } from './retry-backoff';

export interface LogIntegratorOptions {
  batchMs?: number;
  maxBatch?: number;
  backoff?: BackoffOptions;
  /** The tree grew to `size` (follow or catch-up). */
  onIntegrated?: (size: number) => void;
  /** An attempt failed; the integrator retries after `retryInMs`. */
  onError?: (error: unknown, retryInMs: number) => void;
  /** Integration works again after failing. */
  onRecovered?: (size: number) => void;
}

/**
 * Keeps the Merkle log following the event store through failures. A failed batch (a write to
 * the hash store refused, a full disk) leaves the tree as it was, so following on would only
 * meet events out of order: the integrator stops following, then catches up from the tree's
 * size with backoff until that works, and follows again. Nothing is skipped or lost: the
 * events are in the store, and the tree is a function of them.
 */
export class LogIntegrator {
  private following: Subscription | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly backoff: RetryBackoff;

  constructor(
    private readonly log: LedgerLog,
    private readonly options: LogIntegratorOptions = {},
  ) {
    this.backoff = new RetryBackoff('integrate', options.backoff);
  }

  /** Set while integration fails; cleared by the first attempt that works. */
  get failure(): LogFailure | undefined {
    return this.backoff.failure;
  }

  /** Catches up with the store once, throwing if it cannot (a service should not start so). */
  catchUp(): Promise<number> {
    return this.log.catchUp();
  }

  /** Catches up, then follows. */
  async start(): Promise<number> {
    const size = await this.catchUp();
    this.follow();
    return size;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.following?.unsubscribe();
    this.following = undefined;
  }

  /** Follows the store live from the tree's size, retrying with backoff whenever a batch fails. */
  follow(): void {
    if (this.stopped || this.following !== undefined) return;
    this.following = this.log.follow({
      batchMs: this.options.batchMs,
      maxBatch: this.options.maxBatch,
      onIntegrated: (size) => this.options.onIntegrated?.(size),
      onError: (error) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.following?.unsubscribe();
    this.following = undefined;
    if (this.stopped) return;
    const delay = this.backoff.failed(error);
    this.options.onError?.(error, delay);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.retry(), delay);
    this.retryTimer.unref();
  }

  private async retry(): Promise<void> {
    this.retryTimer = undefined;
    if (this.stopped) return;
    try {
      const size = await this.log.catchUp();
      if (this.stopped) return;
      this.backoff.succeeded();
      this.options.onRecovered?.(size);
      this.options.onIntegrated?.(size);
      this.follow();
    } catch (error) {
      this.fail(error);
    }
  }
}
