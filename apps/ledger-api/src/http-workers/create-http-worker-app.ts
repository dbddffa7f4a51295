import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LedgerConfig } from '../config/ledger-config';
import { createNestApp } from '../create-app';
import { HttpWorkerModule } from './http-worker.module';
import { LocalRoutes, proxyingServerFactory } from './proxy-to-writer';
import type { WriterClient } from './writer-client';

/** An HTTP worker's app: the command routes, everything else passed to the writer's socket. */
export async function createHttpWorkerApp(
  config: LedgerConfig,
  writerSocket: string,
  writer: WriterClient,
): Promise<NestFastifyApplication> {
  const local = new LocalRoutes();
  const app = await createNestApp(
    config,
    {
      shutdownHooks: false,
      serverFactory: proxyingServerFactory(writerSocket, local),
      onRoute: (route) => local.add(route),
    },
    (deps) => HttpWorkerModule.forRoot(config, { ...deps, writer }),
  );
  await app.init();
  return app;
}
