import { Client } from 'pg';

/**
 * One LISTEN connection per store, opened with the first subscription: every commit on the
 * database (from any replica) notifies, and each notification wakes every subscription. If the
 * connection drops, subscriptions fall back to their poll and the next subscribe reconnects.
 */
export class CommitListener {
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly wakes = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly channel: string,
  ) {}

  add(wake: () => void): () => void {
    this.wakes.add(wake);
    void this.ensureConnected();
    return () => this.wakes.delete(wake);
  }

  wakeAll(): void {
    for (const wake of this.wakes) wake();
  }

  async close(): Promise<void> {
    this.wakes.clear();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client !== undefined || this.connecting !== undefined) {
      return this.connecting ?? Promise.resolve();
    }
    const client = new Client({ connectionString: this.url });
    const drop = (): void => {
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
    };
    client.on('notification', () => this.wakeAll());
    client.on('error', drop);
    client.on('end', drop);
    this.connecting = client
      .connect()
      .then(() => client.query(`LISTEN ${this.channel}`))
      .then(
        () => {
          this.client = client;
          // Commits made while connecting produced no notification for us.
          this.wakeAll();
        },
        () => drop(),
      )
      .finally(() => {
        this.connecting = undefined;
      });
    return this.connecting;
  }
}
