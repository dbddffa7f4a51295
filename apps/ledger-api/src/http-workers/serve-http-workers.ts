import cluster, { type Worker } from 'node:cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LedgerConfig } from '../config/ledger-config';
import { createApp, type CreateAppOptions } from '../create-app';
import { WriterEndpoint } from './writer-endpoint';
import { CHANNEL, type WorkerStart } from './writer-protocol';

/** The service as started: where it listens, the writer's app, and how to stop it. */
export interface HttpWorkersServer {
  url: string;
  port: number;
  /** The writer's app (this process): the store, the Merkle log, the read models. */
  app: NestFastifyApplication;
  /** The HTTP workers' process ids now (a dead worker is replaced). */
  workerPids(): number[];
  close(): Promise<void>;
}

/** A worker that dies is replaced after this long (a crash loop must not spin). */
const RESPAWN_DELAY_MS = 200;
/** Workers get this long to finish their requests when the service stops. */
const STOP_GRACE_MS = 5_000;

/**
 * Serves with `config.httpWorkers` HTTP worker processes (node:cluster) in front of this one,
 * the writer: the workers share the port and take the command routes (parsing, authentication,
 * validation, the Idempotency-Key check) and forward each command here, where the one
 * CommandService decides and appends it; every other request they pass to this process's app
 * on a private Unix socket. Resolves once every worker listens.
 */
export async function serveHttpWorkers(
  config: LedgerConfig,
  options: CreateAppOptions = {},
): Promise<HttpWorkersServer> {
  const socketDir = mkdtempSync(join(tmpdir(), 'inr-ledger-writer-'));
  const writerSocket = join(socketDir, 'writer.sock');
  // The workers add the client's address to X-Forwarded-For: one hop more to believe.
  const app = await createApp(
    { ...config, trustProxyHops: config.trustProxyHops + 1 },
    { ...options, shutdownHooks: false },
  );
  await app.listen({ path: writerSocket });
  const endpoint = new WriterEndpoint(app);
  cluster.setupPrimary({ exec: require.resolve('./http-worker-main'), args: [] });
  const start: WorkerStart = { channel: CHANNEL, start: { config, writerSocket } };
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    endpoint.attach(worker);
    worker.once('online', () => worker.send(start));
    worker.once('exit', () => {
      if (!stopping) setTimeout(() => !stopping && fork(), RESPAWN_DELAY_MS);
    });
    return worker;
  };
  const workers = Array.from({ length: config.httpWorkers }, fork);
  let port: number;
  try {
    port = await Promise.all(workers.map(listening)).then((ports) => ports[0] as number);
  } catch (error) {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
    await app.close();
    rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }
  const close = async (): Promise<void> => {
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map((w) => w && stopWorker(w)));
    await app.close();
    rmSync(socketDir, { recursive: true, force: true });
  };
  if (options.shutdownHooks ?? true)
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.once(signal, () => void close().finally(() => process.exit(0)));
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    app,
    workerPids: () =>
      Object.values(cluster.workers ?? {}).flatMap((w) => (w?.process.pid ? [w.process.pid] : [])),
    close,
  };
}

function listening(worker: Worker): Promise<number> {
  return new Promise((resolve, reject) => {
    worker.once('listening', (address) => resolve(address.port));
    worker.once('exit', (code) =>
      reject(new Error(`an HTTP worker exited (${code}) before it listened`)),
    );
  });
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((done) => {
    if (worker.isDead()) return done();
    worker.once('exit', () => done());
    const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
    kill.unref();
    worker.disconnect();
  });
}
