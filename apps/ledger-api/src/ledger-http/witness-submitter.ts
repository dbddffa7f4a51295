import {
  submitToWitnesses,
  type HttpPost,
  type LedgerStore,
  type StoredCheckpoint,
  type SubmitOutcome,
} from '@inr/ledger';
import type { WitnessTarget } from './witness-config';

/** POST over fetch; a witness that hangs must not hold the queue, hence the timeout. */
export const fetchPost =
  (timeoutMs = 10_000): HttpPost =>
  async (url, body) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, body: await res.text() };
  };

export interface WitnessSubmitterDeps {
  witnesses: readonly WitnessTarget[];
  store: Pick<LedgerStore, 'addCosignatures'>;
  consistencyProof: (first: number, second: number) => Uint8Array[];
  post?: HttpPost;
  onOutcome?: (checkpoint: StoredCheckpoint, outcomes: SubmitOutcome[]) => void;
  onError?: (error: unknown) => void;
}

/**
 * Sends each new checkpoint to the witnesses, one submission at a time. Checkpoints signed
 * while one is in flight coalesce into the newest: a cosignature on it covers the older ones.
 */
export class WitnessSubmitter {
  private pending: StoredCheckpoint | undefined;
  private running: Promise<void> | undefined;
  // Start at 0: a witness that saw more answers 409 with its size and the next try uses it.
  private readonly witnessSizes = new Map<string, number>();
  private readonly post: HttpPost;

  constructor(private readonly deps: WitnessSubmitterDeps) {
    this.post = deps.post ?? fetchPost();
  }

  get enabled(): boolean {
    return this.deps.witnesses.length > 0;
  }

  submit(checkpoint: StoredCheckpoint): void {
    if (!this.enabled) return;
    if (this.pending === undefined || this.pending.size < checkpoint.size)
      this.pending = checkpoint;
    this.running ??= this.drain().finally(() => (this.running = undefined));
  }

  /** Resolves when nothing is queued or in flight (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private async drain(): Promise<void> {
    for (let next = this.pending; next !== undefined; next = this.pending) {
      this.pending = undefined;
      try {
        const outcomes = await submitToWitnesses(next, this.deps.witnesses, {
          post: this.post,
          consistencyProof: this.deps.consistencyProof,
          store: this.deps.store,
          witnessSizes: this.witnessSizes,
        });
        this.deps.onOutcome?.(next, outcomes);
      } catch (e) {
        this.deps.onError?.(e); // the next checkpoint tries again
      }
    }
  }
}
