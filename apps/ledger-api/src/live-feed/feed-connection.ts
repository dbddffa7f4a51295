import type { ServerResponse } from 'node:http';
import type { RecordedEvent } from '@inr/event-store';

const HEARTBEAT_MS = 15_000;
/**
 * Events read per step. Small on purpose: a client's events are read only as fast as its socket
 * takes them, so what a slow client costs is at most this many events, never a queue.
 */
const PAGE = 8;

export interface FeedConnectionOptions {
  raw: ServerResponse;
  /** Events from a global position on, at most `maxCount`, in order. */
  read: (fromPosition: number, maxCount: number) => Promise<RecordedEvent[]>;
  /**
   * The event as this client sees it (its personal fields opened or redacted), or undefined when
   * the client does not get it (its filters and read scope).
   */
  present: (event: RecordedEvent) => Promise<RecordedEvent | undefined>;
  /** Calls `wake` whenever the store grows; returns how to stop. */
  onGrowth: (wake: () => void) => () => void;
  fromPosition: number;
  /** Unsent bytes a client may leave in our buffer; past it the client is disconnected. */
  maxBufferedBytes: number;
  onEnd: () => void;
}

/**
 * One live-feed client, pulled rather than pushed: events are read from the store page by page
 * only while the socket takes them. When a write returns false the feed stops until 'drain',
 * then goes on from the next position, so a client that does not read costs a position, not a
 * queue of events. A client whose unsent bytes still pass the cap (one huge event) is
 * disconnected; it can resume with Last-Event-ID.
 */
export class FeedConnection {
  private next: number;
  private pumping = false;
  private again = false;
  private paused = false;
  private ended = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly stopWaking: () => void;

  constructor(private readonly options: FeedConnectionOptions) {
    this.next = options.fromPosition;
    this.heartbeat = setInterval(() => {
      // A client we are waiting on gets nothing more, not even a comment.
      if (!this.paused && options.raw.writableLength === 0) this.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    options.raw.on('drain', () => {
      this.paused = false;
      void this.pump();
    });
    this.stopWaking = options.onGrowth(() => void this.pump());
    void this.pump();
  }

  end(): void {
    this.finish();
    if (!this.options.raw.writableEnded) this.options.raw.end();
  }

  /** Sends what the client has not had yet, as long as it takes it. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        while (!this.paused && !this.ended) {
          const page = await this.options.read(this.next, PAGE);
          if (page.length === 0) break;
          for (const event of page) {
            if (this.ended || this.paused) break;
            const shown = await this.options.present(event);
            this.next = event.position + 1;
            if (shown && !this.write(formatEvent(shown))) this.paused = true;
          }
        }
      } while (this.again && !this.paused && !this.ended);
    } catch {
      this.end(); // the store is closing or failing: the client reconnects with Last-Event-ID
    } finally {
      this.pumping = false;
    }
  }

  /** Writes; false when the client should get no more for now (or was disconnected). */
  private write(text: string): boolean {
    const raw = this.options.raw;
    if (this.ended || raw.writableEnded) return false;
    const more = raw.write(text);
    if (raw.writableLength > this.options.maxBufferedBytes) {
      this.finish();
      raw.destroy(); // no graceful end: the buffered bytes go with the socket
      return false;
    }
    return more;
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    this.stopWaking();
    this.options.onEnd();
  }
}

export function formatEvent(event: RecordedEvent): string {
  const payload = JSON.stringify({
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    eventId: event.id,
    type: event.type,
    recordedAt: event.recordedAt,
    data: event.data,
  });
  return `id: ${event.position}\nevent: ${event.type}\ndata: ${payload}\n\n`;
}
