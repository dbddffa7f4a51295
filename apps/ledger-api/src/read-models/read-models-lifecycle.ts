import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import { ReadModels } from '@inr/projections';
import { JsonLogger } from '../platform/logging/json-logger';
import { LedgerMetrics } from '../platform/metrics/ledger-metrics';

/**
 * Starts the projection runner once the app is up and stops it before the store closes
 * (beforeApplicationShutdown runs ahead of every onApplicationShutdown). Lag is read on scrape.
 */
@Injectable()
export class ReadModelsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    const readModels = this.readModels;
    const registers = [this.metrics.registry];
    if (!this.metrics.registry.getSingleMetric('ledger_projection_lag_events')) {
      new Gauge({
        name: 'ledger_projection_lag_events',
        help: 'Events recorded in the ledger that the read models have not applied yet',
        registers,
        async collect() {
          this.set((await readModels.lag()).eventsBehind);
        },
      });
      new Gauge({
        name: 'ledger_projection_lag_seconds',
        help: 'Age of the oldest event the read models have not applied (0 when caught up)',
        registers,
        async collect() {
          this.set((await readModels.lag()).secondsBehind);
        },
      });
    }
    readModels.start();
    this.logger.logEvent('info', 'projection runner started', {
      checkpoint: readModels.runner.checkpoint,
      leading: readModels.runner.leading,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.readModels.close();
  }
}
