import type { LedgerEvent } from '../events/ledger-event';

/**
 * The events filed under one index key, kept once read: ledger events never change, so a later
 * query only fetches positions past what was read before, and an earlier asOf is a prefix.
 */
export class KeyEventCache {
  private events: LedgerEvent[] = [];
  /** Every global event below this position is in `events`. */
  private covered = 0;
  /** The index table the events were found through; another version may file differently. */
  private source = '';

  async below(
    source: string,
    below: number,
    readFrom: (from: number) => Promise<LedgerEvent[]>,
  ): Promise<LedgerEvent[]> {
    if (source !== this.source) {
      this.events = [];
      this.covered = 0;
      this.source = source;
    }
    if (below > this.covered) {
      const from = this.covered;
      const added = (await readFrom(from)).filter((event) => event.position < below);
      // Another query may have extended the cache while this one awaited its read.
      if (this.covered === from && this.source === source) {
        this.events.push(...added);
        this.covered = below;
      } else return [...this.events.filter((e) => e.position < from), ...added];
    }
    return this.events.slice(0, countBelow(this.events, below));
  }

  get size(): number {
    return this.events.length;
  }
}

/** How many of the ascending events have a position below `below` (binary search). */
export function countBelow(events: readonly LedgerEvent[], below: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (events[mid]!.position < below) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Two ascending event lists as one, each position once. */
export function mergeByPosition(
  a: readonly LedgerEvent[],
  b: readonly LedgerEvent[],
): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.position < y.position)) {
      out.push(x!);
      i++;
    } else if (x === undefined || y.position < x.position) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}
