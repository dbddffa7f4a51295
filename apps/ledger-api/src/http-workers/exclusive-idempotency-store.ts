import { IdempotencyStore, slotOf, type StoredResponse } from '../idempotency/idempotency-store';

/** The writer's own requests (the routes it serves itself); a worker is `worker-<id>`. */
export const LOCAL_HOLDER = 'local';

interface Slot {
  holder: string;
  waiting: { holder: string; take: () => void; drop: (error: Error) => void }[];
}

/**
 * The writer's Idempotency-Key store when HTTP workers share it: a key is held from `get` until
 * `put` or `release`, by one process at a time, so two same-key requests on two workers run one
 * after the other exactly as the interceptor's in-flight queue runs them within one process (the
 * second finds the first's answer, or is refused as a reuse: never a second write). Each
 * process queues its own same-key requests first, so a holder holds a key at most once.
 */
export class ExclusiveIdempotencyStore extends IdempotencyStore {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly inner: IdempotencyStore) {
    super();
  }

  async get(
    subject: string,
    key: string,
    holder = LOCAL_HOLDER,
  ): Promise<StoredResponse | undefined> {
    await this.take(slotOf(subject, key), holder);
    try {
      return await this.inner.get(subject, key);
    } catch (error) {
      this.release(subject, key, holder);
      throw error;
    }
  }

  async put(
    subject: string,
    key: string,
    response: StoredResponse,
    holder = LOCAL_HOLDER,
  ): Promise<StoredResponse> {
    try {
      return await this.inner.put(subject, key, response);
    } finally {
      this.release(subject, key, holder);
    }
  }

  override release(subject: string, key: string, holder = LOCAL_HOLDER): void {
    this.handOn(slotOf(subject, key), holder);
  }

  /** A worker died: whatever it held or waited for is given up. */
  releaseAll(holder: string): void {
    for (const [name, slot] of [...this.slots]) {
      const gone = slot.waiting.filter((w) => w.holder === holder);
      slot.waiting = slot.waiting.filter((w) => w.holder !== holder);
      for (const w of gone) w.drop(new Error(`${holder} is gone`));
      this.handOn(name, holder);
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private take(name: string, holder: string): Promise<void> {
    const slot = this.slots.get(name);
    if (slot === undefined) {
      this.slots.set(name, { holder, waiting: [] });
      return Promise.resolve();
    }
    return new Promise((take, drop) => slot.waiting.push({ holder, take, drop }));
  }

  /** Passes the key to the next waiting request, if `holder` holds it. */
  private handOn(name: string, holder: string): void {
    const slot = this.slots.get(name);
    if (slot === undefined || slot.holder !== holder) return;
    const next = slot.waiting.shift();
    if (next === undefined) {
      this.slots.delete(name);
      return;
    }
    slot.holder = next.holder;
    next.take();
  }
}
