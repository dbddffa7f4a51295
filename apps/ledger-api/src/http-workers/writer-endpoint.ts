import type { Worker } from 'node:cluster';
import type { INestApplication } from '@nestjs/common';
import { CommandService } from '../commands/command-service';
import { refuseWritesWhenReadOnly } from '../commands/command.interceptor';
import { LEDGER_CONFIG } from '../platform/store/tokens';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { Readiness } from '../platform/health/readiness';
import { JsonLogger } from '../platform/logging/json-logger';
import { LedgerMetrics } from '../platform/metrics/ledger-metrics';
import { ProblemDetailsFilter } from '../platform/problem/problem-details.filter';
import { ExclusiveIdempotencyStore } from './exclusive-idempotency-store';
import { MessageBatcher } from './message-batcher';
import {
  isWriterMessage,
  type Batch,
  type WriterCall,
  type WriterReply,
  type WriterRequest,
} from './writer-protocol';

/**
 * The writer's side of the HTTP workers' channel: each forwarded command runs through the one
 * CommandService (so one group commit, one order, the same idempotent event ids), and the
 * Idempotency-Key calls go to the one store, which holds a key for one worker at a time.
 */
export class WriterEndpoint {
  private readonly commands: CommandService;
  private readonly keys: ExclusiveIdempotencyStore;
  private readonly readiness: Readiness;
  private readonly problems: ProblemDetailsFilter;

  constructor(app: INestApplication) {
    this.commands = app.get(CommandService);
    const keys = app.get(IdempotencyStore);
    if (!(keys instanceof ExclusiveIdempotencyStore))
      throw new Error('HTTP workers need the exclusive Idempotency-Key store (httpWorkers > 1)');
    this.keys = keys;
    this.readiness = app.get(Readiness);
    this.problems = new ProblemDetailsFilter(
      app.get(JsonLogger),
      app.get(LedgerMetrics),
      this.readiness,
      app.get(LEDGER_CONFIG),
    );
  }

  /** Serves this worker's calls until it exits; then whatever keys it held are released. */
  attach(worker: Worker): void {
    const holder = `worker-${worker.id}`;
    // A worker that died meanwhile: its client saw the connection drop, and retries with the key.
    const replies = new MessageBatcher<WriterReply>((message, done) =>
      worker.isConnected() ? worker.send(message, done) : done(null),
    );
    worker.on('message', (message: unknown) => {
      if (!isWriterMessage(message) || !('batch' in message)) return;
      for (const { id, call } of (message as Batch<WriterRequest>).batch) {
        if (id === undefined) {
          void this.run(call, holder).catch(() => undefined);
          continue;
        }
        this.run(call, holder).then(
          (value) => replies.push({ id, value: value ?? null }),
          (error: unknown) => {
            // The worker's request id, so a 5xx logged here and there can be matched.
            const request =
              call.op === 'execute'
                ? { id: call.request.requestId, headers: ifMatchOf(call.request.ifMatch) }
                : { headers: {} };
            replies.push({ id, ...this.problems.problemFor(error, { ...request, url: '/' }) });
          },
        );
      }
    });
    worker.once('exit', () => this.keys.releaseAll(holder));
  }

  private async run(call: WriterCall, holder: string): Promise<unknown> {
    switch (call.op) {
      case 'get':
        // As the command interceptor does first in one process: no replay while read-only.
        refuseWritesWhenReadOnly(this.readiness);
        return this.keys.get(call.subject, call.key, holder);
      case 'put':
        return this.keys.put(call.subject, call.key, call.response, holder);
      case 'release':
        return this.keys.release(call.subject, call.key, holder);
      case 'execute':
        return this.commands.execute(call.command, call.request, call.createdId);
    }
  }
}

const ifMatchOf = (ifMatch: string | undefined): Record<string, string> =>
  ifMatch === undefined ? {} : { 'if-match': ifMatch };
