import 'reflect-metadata';
import type { RequestListener, Server } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { privateDir, tightenDataDir, type EventStore } from '@inr/event-store';
import { PersonalData } from '@inr/ledger';
import { AppModule } from './app.module';
import { DEV_KEYS_WARNING, identityRefusal } from './config/identity-config';
import type { LedgerConfig } from './config/ledger-config';
import { buildOpenApiDocument } from './openapi/build-openapi-document';
import { OpenApiHolder } from './openapi/openapi-holder';
import { installJsonBodyParser } from './platform/json-body/install-json-body-parser';
import { JsonLogger } from './platform/logging/json-logger';
import { installRequestHooks, requestIdFrom } from './platform/logging/request-hooks';
import { LedgerMetrics } from './platform/metrics/ledger-metrics';
import { clientErrorHandler, frameworkErrors } from './platform/problem/fastify-problems';
import { RevealingFastifyAdapter } from './privacy/revealing-fastify-adapter';
import { registerRateLimits } from './platform/rate-limit/rate-limits';
import { registerSecurityHeaders } from './platform/security/security-headers';
import { installRecognitionBodyParser } from './recognition/recognition-body-parser';
import { createValidationPipe } from './platform/validation/validation-pipe';

export interface CreateAppOptions {
  /** Use this open store instead of opening the configured one (the app closes it on shutdown). */
  store?: EventStore;
  /** Listen for SIGTERM/SIGINT and shut down gracefully (default true; tests turn it off). */
  shutdownHooks?: boolean;
  /** Where log lines go (default stdout). */
  logWriter?: (line: string) => void;
}

/**
 * Builds the HTTP service, initialised but not listening: call `app.listen(config.port, config.host)`
 * to serve, or `app.inject()` in tests. main.ts and the CLI's `serve` both start here.
 */
export async function createApp(
  config: LedgerConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createNestApp(config, options, (deps) =>
    AppModule.forRoot(config, { ...deps, store: options.store }),
  );
  // Answers show personal fields opened (an HTTP worker answers only commands: none to open).
  const adapter = app.getHttpAdapter();
  if (!(adapter instanceof RevealingFastifyAdapter)) throw new Error('unexpected HTTP adapter');
  adapter.revealWith(app.get(PersonalData));
  app.get(OpenApiHolder).document = buildOpenApiDocument(app);
  await app.init();
  return app;
}

/** How an HTTP worker's server differs (http-workers/): its server, and the routes it keeps. */
export interface ServerOptions {
  serverFactory?: (handler: RequestListener) => Server;
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/**
 * The HTTP platform every serving process shares (Fastify, body parsers, request hooks,
 * security headers, rate limits, validation), around the given module; not yet initialised.
 */
export async function createNestApp(
  config: LedgerConfig,
  options: CreateAppOptions & ServerOptions,
  module: (deps: { logger: JsonLogger; metrics: LedgerMetrics }) => DynamicModule,
): Promise<NestFastifyApplication> {
  // Before anything opens: a refused start leaves the data directory as it was.
  const refusal = identityRefusal(config);
  if (refusal !== undefined) throw new Error(refusal);
  const logger = new JsonLogger(config.logLevel, options.logWriter);
  if (config.production && config.auth.kind === 'development')
    logger.logEvent('warn', DEV_KEYS_WARNING, { dataDir: config.dataDir });
  // Evidence, keys and the token key: the service's user only (finding 8), whatever the umask.
  const tightened = tightenDataDir(config.dataDir);
  if (tightened.length > 0)
    logger.logEvent('warn', 'data directory was readable by others; tightened to 0700/0600', {
      paths: tightened,
    });
  privateDir(config.dataDir);
  const metrics = new LedgerMetrics({ defaultMetrics: true });
  const adapter = new RevealingFastifyAdapter({
    bodyLimit: config.bodyLimit,
    frameworkErrors,
    clientErrorHandler,
    trustProxy: config.trustProxyHops > 0 ? config.trustProxyHops : false,
    genReqId: requestIdFrom,
    logger: false,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    ...(options.serverFactory && { serverFactory: options.serverFactory }),
  });
  const onRoute = options.onRoute;
  if (onRoute) adapter.getInstance().addHook('onRoute', (route) => onRoute(route));
  const app = await NestFactory.create<NestFastifyApplication>(
    module({ logger, metrics }),
    adapter,
    { logger, abortOnError: false, bodyParser: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  installJsonBodyParser(fastify, config.bodyLimit);
  installRecognitionBodyParser(fastify, config.recognition.bodyLimit);
  installRequestHooks(fastify, logger, metrics);
  registerSecurityHeaders(app, config.oidc?.issuer);
  await registerRateLimits(app, config.rateLimit);
  app.useGlobalPipes(createValidationPipe());
  if (options.shutdownHooks ?? true) app.enableShutdownHooks();
  return app;
}
