import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { openPersonalDataKeys, PersonalData } from '@inr/ledger';
import { openEventStore, type EventStore } from '@inr/event-store';
import { ForeignBundleStore } from '@inr/ledger';
import { AuthGuard } from './auth/auth.guard';
import { BackupScheduler } from './backup/backup-scheduler';
import { TokenVerifier } from './auth/token-verifier';
import type { LedgerConfig } from './config/ledger-config';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { openIdempotencyStore } from './idempotency/open-idempotency-store';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { ExclusiveIdempotencyStore } from './http-workers/exclusive-idempotency-store';
import { DocsController } from './openapi/docs.controller';
import { OpenApiHolder } from './openapi/openapi-holder';
import { HealthController } from './platform/health/health.controller';
import { Readiness } from './platform/health/readiness';
import { JsonLogger } from './platform/logging/json-logger';
import { LedgerMetrics } from './platform/metrics/ledger-metrics';
import { MetricsController } from './platform/metrics/metrics.controller';
import { ProblemDetailsFilter } from './platform/problem/problem-details.filter';
import { Lifecycle } from './platform/store/lifecycle';
import { EVENT_STORE, LEDGER_CONFIG } from './platform/store/tokens';
import { COMMAND_CONTROLLERS, COMMAND_PROVIDERS } from './commands/command-controllers';
import { QUERY_CONTROLLERS, QUERY_PROVIDERS } from './queries/query-controllers';
import { EventScope } from './live-feed/event-scope';
import { ReadModelsModule } from './read-models/read-models.module';
import { LiveFeedController } from './live-feed/live-feed.controller';
import { LedgerHttpModule } from './ledger-http/ledger-http.module';
import {
  RECOGNITION_CONTROLLERS,
  RECOGNITION_PROVIDERS,
} from './recognition/recognition-controllers';
import { SignInController } from './sign-in/sign-in.controller';
import { WebAppController } from './web/web-app.controller';
import { PortableCredentialsModule } from './credentials/portable/portable-credentials.module';

export interface AppDependencies {
  logger: JsonLogger;
  metrics: LedgerMetrics;
  /** An already open store (tests, the CLI); otherwise the one the config names is opened. */
  store?: EventStore;
}

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig, deps: AppDependencies): DynamicModule {
    const providers: Provider[] = [
      { provide: LEDGER_CONFIG, useValue: config },
      { provide: JsonLogger, useValue: deps.logger },
      { provide: LedgerMetrics, useValue: deps.metrics },
      { provide: EVENT_STORE, useFactory: () => deps.store ?? openEventStore(config.store) },
      {
        provide: PersonalData,
        // In the shared database with DATABASE_URL: every replica opens what any sealed.
        useFactory: async () =>
          new PersonalData(await openPersonalDataKeys(config.store, config.dataDir)),
      },
      {
        provide: IdempotencyStore,
        // With HTTP workers, a key is held by one process at a time (never two writes for it).
        useFactory: async () => {
          const store = await openIdempotencyStore(config);
          return config.httpWorkers > 1 ? new ExclusiveIdempotencyStore(store) : store;
        },
      },
      { provide: TokenVerifier, useFactory: () => new TokenVerifier(config) },
      IdempotencyInterceptor,
      Lifecycle,
      Readiness,
      BackupScheduler,
      OpenApiHolder,
      EventScope,
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ...COMMAND_PROVIDERS,
      ...QUERY_PROVIDERS,
      ...RECOGNITION_PROVIDERS,
    ];
    return {
      module: AppModule,
      // Global, so the read-models module sees the store, config, logger and metrics.
      global: true,
      imports: [ReadModelsModule, LedgerHttpModule, PortableCredentialsModule],
      controllers: [
        HealthController,
        MetricsController,
        DocsController,
        ...COMMAND_CONTROLLERS,
        ...QUERY_CONTROLLERS,
        LiveFeedController,
        ...RECOGNITION_CONTROLLERS,
        SignInController,
        // Last: its catch-all GET serves the web app's page for client-side routes.
        WebAppController,
      ],
      providers,
      exports: [
        EVENT_STORE,
        LEDGER_CONFIG,
        JsonLogger,
        LedgerMetrics,
        Readiness,
        PersonalData,
        ForeignBundleStore,
      ],
    };
  }
}
