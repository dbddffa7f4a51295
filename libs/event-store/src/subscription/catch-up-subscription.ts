import { Observable } from 'rxjs';
import type { RecordedEvent } from '../port/event-store';

export interface CatchUpSource {
  /** Up to `maxCount` events with position >= `from`, in order. */
  readPage(from: number, maxCount: number): RecordedEvent[] | Promise<RecordedEvent[]>;
  /** Registers a wake-up for new commits and an end for close(); returns the unregister function. */
  onCommit(wake: () => void, end: () => void): () => void;
  pollMs: number;
}

const PAGE = 256;

/**
 * Catch-up then live from one cursor, `next`, the next expected position: catch-up and live
 * are the same loop (read pages from `next` until a short page), so the switch can neither
 * skip nor repeat an event. Local commits wake the loop at once; the poll finds other processes'.
 */
export function catchUpSubscription(
  source: CatchUpSource,
  fromPosition: number,
): Observable<RecordedEvent> {
  return new Observable<RecordedEvent>((subscriber) => {
    let next = fromPosition;
    let closed = false;
    let pumping = false;
    let wakeAgain = false;

    const pump = async (): Promise<void> => {
      if (closed) return;
      if (pumping) {
        wakeAgain = true;
        return;
      }
      pumping = true;
      try {
        for (;;) {
          wakeAgain = false;
          const page = await source.readPage(next, PAGE);
          for (const event of page) {
            if (closed) return;
            if (event.position !== next)
              throw new Error(`subscription expected position ${next}, read ${event.position}`);
            subscriber.next(event);
            next = event.position + 1;
          }
          if (closed || (page.length < PAGE && !wakeAgain)) break;
          // Yield between pages so a long catch-up does not starve the process.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        closed = true;
        subscriber.error(error);
      } finally {
        pumping = false;
      }
    };

    const wake = (): void => void pump();
    const stop = (): void => {
      closed = true;
      clearInterval(timer);
      unregister();
    };
    const end = (): void => {
      stop();
      subscriber.complete();
    };
    const unregister = source.onCommit(wake, end);
    const timer = setInterval(wake, source.pollMs);
    timer.unref();
    wake();
    return stop;
  });
}
