import type { Command } from '@inr/domain';
import type { CommandRequest } from '../commands/command-request';
import type { LedgerConfig } from '../config/ledger-config';
import type { StoredResponse } from '../idempotency/idempotency-store';
import type { ProblemDetails } from '../platform/problem/problem.exception';

/** Marks this protocol's messages on the cluster IPC channel. */
export const CHANNEL = 'inr-ledger-writer';

/** What an HTTP worker asks the writer: the Idempotency-Key store's calls and the command. */
export type WriterCall =
  | { op: 'get'; subject: string; key: string }
  | { op: 'put'; subject: string; key: string; response: StoredResponse }
  | { op: 'release'; subject: string; key: string }
  | { op: 'execute'; command: Command; request: CommandRequest; createdId?: string };

/** Worker -> writer. `release` carries no id: nothing answers it. */
export interface WriterRequest {
  id?: number;
  call: WriterCall;
}

/** Writer -> worker: the call's value, or the problem it ended in. */
export type WriterReply =
  | { id: number; value: unknown }
  | { id: number; problem: ProblemDetails; retryAfterSeconds?: number };

/** Requests and replies travel in batches, one per turn of the sender's event loop. */
export interface Batch<T> {
  channel: typeof CHANNEL;
  batch: T[];
}

/** Writer -> a new worker: what to serve with, and where the writer serves everything else. */
export interface WorkerStart {
  channel: typeof CHANNEL;
  start: { config: LedgerConfig; writerSocket: string };
}

export function isWriterMessage(message: unknown): message is { channel: typeof CHANNEL } {
  return (message as { channel?: unknown } | null)?.channel === CHANNEL;
}
