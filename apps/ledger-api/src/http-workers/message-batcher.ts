import { CHANNEL } from './writer-protocol';

/**
 * Messages for one IPC peer, sent together once per turn of the event loop: each `send` is a
 * write to the channel's pipe (and wakes the other process), so a group commit answering thirty
 * commands costs one write, not thirty.
 */
export class MessageBatcher<T> {
  private queued: T[] = [];
  private callbacks: ((error: Error | null) => void)[] = [];

  constructor(
    private readonly send: (
      message: { channel: typeof CHANNEL; batch: T[] },
      done: (error: Error | null) => void,
    ) => void,
  ) {}

  /** Queues a message; `sent` learns whether the write failed. */
  push(message: T, sent: (error: Error | null) => void = () => undefined): void {
    if (this.queued.length === 0) setImmediate(() => this.flush());
    this.queued.push(message);
    this.callbacks.push(sent);
  }

  private flush(): void {
    const batch = this.queued;
    const callbacks = this.callbacks;
    this.queued = [];
    this.callbacks = [];
    try {
      this.send({ channel: CHANNEL, batch }, (error) => callbacks.forEach((c) => c(error)));
    } catch (error) {
      callbacks.forEach((c) => c(error as Error));
    }
  }
}
