import type { LedgerEvent } from '../events/ledger-event';
import { indexKey } from './event-index-projection';
import { KeyEventCache } from './key-event-cache';

/** Events kept for recently queried trainees, at most (the global key is kept whole). */
const TRAINEE_EVENTS_LIMIT = 20_000;

/**
 * Which index keys' events the reader keeps: the global key (accreditations and policies, few,
 * needed by every status query) always, and recently queried trainees (a time-travel view asks
 * for one trainee at many points), least recently used dropped first. Institution keys are
 * not kept: they can hold a large share of the ledger.
 */
export class EventCache {
  private readonly global = new KeyEventCache();
  private readonly trainees = new Map<string, KeyEventCache>();

  static cacheable(key: string): boolean {
    return key === indexKey.global || key.startsWith('trainee:');
  }

  async below(
    source: string,
    key: string,
    below: number,
    readFrom: (from: number) => Promise<LedgerEvent[]>,
  ): Promise<LedgerEvent[]> {
    if (key === indexKey.global) return this.global.below(source, below, readFrom);
    const entry = this.trainees.get(key) ?? new KeyEventCache();
    // Re-inserted: Map order is then least recently used first.
    this.trainees.delete(key);
    this.trainees.set(key, entry);
    const events = await entry.below(source, below, readFrom);
    this.evict(key);
    return events;
  }

  private evict(keep: string): void {
    let total = 0;
    for (const entry of this.trainees.values()) total += entry.size;
    for (const [key, entry] of this.trainees) {
      if (total <= TRAINEE_EVENTS_LIMIT || key === keep) break;
      this.trainees.delete(key);
      total -= entry.size;
    }
  }
}
