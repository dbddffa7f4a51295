import type { Command } from '@inr/domain';
import type { CommandRequest } from '../commands/command-request';
import type { CommandResult } from '../commands/command-result';
import { IdempotencyStore, slotOf, type StoredResponse } from '../idempotency/idempotency-store';
import { ProblemException } from '../platform/problem/problem.exception';
import { MessageBatcher } from './message-batcher';
import { isWriterMessage } from './writer-protocol';
import type { Batch, WriterCall, WriterReply, WriterRequest } from './writer-protocol';

/** How soon a client may retry when the writer is not there (restarting, shutting down). */
const WRITER_RETRY_AFTER_SECONDS = 1;

export function writerUnavailable(): ProblemException {
  return new ProblemException(
    503,
    'WRITER_UNAVAILABLE',
    'the ledger writer is not answering (restarting or shutting down); retry (a command with the same Idempotency-Key: it is never written twice)',
    undefined,
    WRITER_RETRY_AFTER_SECONDS,
  );
}

/** An HTTP worker's calls to the writer over the cluster IPC channel. */
export class WriterClient {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: unknown) => void }
  >();

  private readonly requests: MessageBatcher<WriterRequest>;

  constructor(private readonly channel: NodeJS.Process = process) {
    this.requests = new MessageBatcher((message, done) =>
      channel.connected && channel.send
        ? channel.send(message, undefined, {}, done)
        : done(unavailable),
    );
    channel.on('message', (message: unknown) => {
      if (isWriterMessage(message) && 'batch' in message)
        for (const reply of (message as Batch<WriterReply>).batch) this.settle(reply);
    });
    // The writer is gone: nothing pending will be answered.
    channel.on('disconnect', () => {
      for (const { reject } of this.pending.values()) reject(writerUnavailable());
      this.pending.clear();
    });
  }

  call<T>(call: WriterCall): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (!this.channel.connected) return reject(writerUnavailable());
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.requests.push({ id, call }, (error) => {
        if (error === null || !this.pending.delete(id)) return;
        reject(writerUnavailable());
      });
    });
  }

  /** A call nothing answers. */
  notify(call: WriterCall): void {
    if (this.channel.connected) this.requests.push({ call });
  }

  private settle(reply: WriterReply): void {
    const waiting = this.pending.get(reply.id);
    if (waiting === undefined) return;
    this.pending.delete(reply.id);
    if ('value' in reply) return waiting.resolve(reply.value);
    const { status, code, detail, errors } = reply.problem;
    waiting.reject(new ProblemException(status, code, detail, errors, reply.retryAfterSeconds));
  }
}

/** The worker's CommandService: every command is decided and written by the writer. */
export class RemoteCommands {
  constructor(private readonly writer: WriterClient) {}

  execute(command: Command, request: CommandRequest, createdId?: string): Promise<CommandResult> {
    return this.writer.call({
      op: 'execute',
      command,
      request,
      ...(createdId === undefined ? {} : { createdId }),
    });
  }
}

/** The worker's Idempotency-Key store: the writer's, held for this worker from get to put/release. */
export class RemoteIdempotencyStore extends IdempotencyStore {
  /** Keys whose `put` was sent: the writer let them go with it, so no `release` follows. */
  private readonly released = new Set<string>();

  constructor(private readonly writer: WriterClient) {
    super();
  }

  async get(subject: string, key: string): Promise<StoredResponse | undefined> {
    return (
      (await this.writer.call<StoredResponse | null>({ op: 'get', subject, key })) ?? undefined
    );
  }

  put(subject: string, key: string, response: StoredResponse): Promise<StoredResponse> {
    this.released.add(slotOf(subject, key));
    return this.writer.call({ op: 'put', subject, key, response });
  }

  override release(subject: string, key: string): void {
    if (!this.released.delete(slotOf(subject, key)))
      this.writer.notify({ op: 'release', subject, key });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const unavailable = new Error('the IPC channel to the writer is closed');
