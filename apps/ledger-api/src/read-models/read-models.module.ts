import { Module, type Provider, type Type } from '@nestjs/common';
import { ReadModels } from '@inr/projections';
import { PolicyFacts } from '../auth/policy-facts';
import type { EventStore } from '@inr/event-store';
import type { LedgerConfig } from '../config/ledger-config';
import { JsonLogger } from '../platform/logging/json-logger';
import { EVENT_STORE, LEDGER_CONFIG } from '../platform/store/tokens';
import { ApplicationsController } from './applications.controller';
import { CaseRegistryController } from './case-registry.controller';
import { DecisionsController } from './decisions.controller';
import { ReadModelsLifecycle } from './read-models-lifecycle';
import { ReviewsController } from './reviews.controller';
import { SupervisorQueueController } from './supervisor-queue.controller';
import { TraineeStatusController } from './trainee-status.controller';
import { WorkforceController } from './workforce.controller';

export const READ_MODEL_CONTROLLERS: Type<unknown>[] = [
  TraineeStatusController,
  CaseRegistryController,
  SupervisorQueueController,
  WorkforceController,
  DecisionsController,
  ApplicationsController,
  ReviewsController,
];

/** Needs EVENT_STORE, LEDGER_CONFIG, LedgerMetrics and JsonLogger from the app. */
export const READ_MODEL_PROVIDERS: Provider[] = [
  {
    provide: ReadModels,
    inject: [EVENT_STORE, LEDGER_CONFIG, JsonLogger],
    useFactory: (
      store: EventStore,
      config: LedgerConfig,
      logger: JsonLogger,
    ): ReadModels | Promise<ReadModels> => {
      const options = {
        // A projection bug stops the runner (reads go stale, lag grows) rather than skipping an event.
        onError: (error: unknown) =>
          logger.logEvent('error', 'projection runner stopped', { error: String(error) }),
      };
      // With DATABASE_URL the read models live in the database too, shared by every replica.
      return config.store.kind === 'postgres'
        ? ReadModels.openShared(store, config.store.url, options)
        : ReadModels.open(store, config.dataDir, options);
    },
  },
  ReadModelsLifecycle,
  PolicyFacts,
];

/**
 * The read-model routes and the runner. Its providers inject the app's EVENT_STORE,
 * LEDGER_CONFIG, LedgerMetrics and JsonLogger, so AppModule must make those visible: mark its
 * dynamic module `global: true`, or spread READ_MODEL_CONTROLLERS / READ_MODEL_PROVIDERS into it.
 */
@Module({
  controllers: READ_MODEL_CONTROLLERS,
  providers: READ_MODEL_PROVIDERS,
  exports: [ReadModels, PolicyFacts],
})
export class ReadModelsModule {}
