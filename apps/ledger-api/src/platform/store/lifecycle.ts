import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '@inr/event-store';
import { PersonalData } from '@inr/ledger';
import { IdempotencyStore } from '../../idempotency/idempotency-store';
import { JsonLogger } from '../logging/json-logger';
import { EVENT_STORE } from './tokens';

/**
 * Graceful shutdown. Nest calls beforeApplicationShutdown, then closes the HTTP server (which
 * waits for in-flight requests), then onApplicationShutdown: only then are the stores closed,
 * after every append that was started has been acknowledged.
 */
@Injectable()
export class Lifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  private stopping = false;
  private readonly running = new Set<Promise<unknown>>();
  private readonly stopListeners = new Set<() => void>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IdempotencyStore) private readonly idempotency: IdempotencyStore,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
    @Inject(PersonalData) private readonly personal: PersonalData,
  ) {}

  get shuttingDown(): boolean {
    return this.stopping;
  }

  /** Keeps the store open until `work` settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = (): void => void this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Long-lived responses (the live feed) end when shutdown starts, so the server can close. */
  onStop(listener: () => void): () => void {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  beforeApplicationShutdown(signal?: string): void {
    this.stopping = true;
    this.logger.logEvent('info', 'shutting down', { signal, inFlight: this.running.size });
    for (const listener of this.stopListeners) listener();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
    await this.store.close();
    await this.idempotency.close();
    this.personal.keys.close();
  }
}
