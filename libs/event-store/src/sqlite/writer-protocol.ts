import type { AppendResult, ExpectedRevision } from '../port/event-store';

/** What the writer thread needs to open its own connection to the store's file. */
export interface WriterInit {
  file: string;
  busyTimeoutMs: number;
  /** Resolved on the main thread: an eval'd worker resolves bare names from the cwd, not from here. */
  driverPath: string;
}

/** A validated append as sent to the writer: only what it writes (no parsed JSON to clone). */
export interface WriterAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: { id: string; type: string; dataJson: string; metadataJson: string }[];
}

/** Errors cross the thread boundary as data; the main thread rebuilds the port's error classes. */
export type WriterError =
  | { kind: 'wrong-expected-version'; streamId: string; expected: ExpectedRevision; actual: number }
  | { kind: 'idempotency-conflict'; streamId: string; eventId: string }
  | { kind: 'other'; message: string; code?: string };

export type WriterOutcome = { ok: true; result: AppendResult } | { ok: false; error: WriterError };

/** One reply per batch: every append's outcome after COMMIT, or why nothing was committed. */
export type WriterReply = { committed: WriterOutcome[] } | { failed: WriterError };

/** Everything the thread posts: `ready` once its connection is open, then one reply per batch. */
export type WriterMessage = WriterReply | { ready: true };

export type WriterRequest = { kind: 'write'; appends: WriterAppend[] } | { kind: 'close' };
