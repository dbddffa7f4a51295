// An HTTP worker process (node:cluster), forked by serveHttpWorkers: it waits for the writer's
// start message, then serves the command routes itself and passes every other request on.
import 'reflect-metadata';
import { createHttpWorkerApp } from './create-http-worker-app';
import { isWriterMessage, type WorkerStart } from './writer-protocol';
import { WriterClient } from './writer-client';

// The writer stops its workers (disconnect); a signal to the whole group must not cut them first.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

const writer = new WriterClient();
process.on('message', (message: unknown) => {
  if (!isWriterMessage(message) || !('start' in message)) return;
  const { config, writerSocket } = (message as WorkerStart).start;
  createHttpWorkerApp(config, writerSocket, writer)
    .then(async (app) => {
      await app.listen(config.port, config.host);
      process.once('disconnect', () => {
        setTimeout(() => process.exit(0), 5_000).unref();
        void app.close().finally(() => process.exit(0));
      });
    })
    .catch((error: unknown) => {
      process.stderr.write(`inr-ledger HTTP worker cannot start: ${String(error)}\n`);
      process.exit(3);
    });
});
