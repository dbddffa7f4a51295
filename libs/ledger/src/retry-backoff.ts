/** Delays between attempts: doubling from `initialMs` up to `maxMs`. */
export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
}

/** A failing stage of the log (integrating events, signing checkpoints) and since when. */
export interface LogFailure {
  stage: 'integrate' | 'sign';
  reason: string;
  /** Epoch ms of the first failure in this run of failures. */
  since: number;
  attempts: number;
}

/**
 * One failing stage's retry state: the failure it reports and when to try next. The log never
 * gives up: it keeps retrying, ever less often, and says why in the meantime.
 */
export class RetryBackoff {
  private current: LogFailure | undefined;
  private readonly initialMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly stage: LogFailure['stage'],
    options: BackoffOptions = {},
  ) {
    this.initialMs = options.initialMs ?? 250;
    this.maxMs = Math.max(this.initialMs, options.maxMs ?? 30_000);
  }

  get failure(): LogFailure | undefined {
    return this.current;
  }

  /** Records a failed attempt; returns how long to wait before the next one. */
  failed(error: unknown, now = Date.now()): number {
    const reason = error instanceof Error ? error.message : String(error);
    const attempts = (this.current?.attempts ?? 0) + 1;
    this.current = { stage: this.stage, reason, since: this.current?.since ?? now, attempts };
    return Math.min(this.maxMs, this.initialMs * 2 ** Math.min(attempts - 1, 20));
  }

  succeeded(): void {
    this.current = undefined;
  }
}
