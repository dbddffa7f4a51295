import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

/**
 * Durations recorded into a perf_hooks histogram (nanosecond resolution, three significant
 * figures), so every bench reads p50, p99 and max the same way.
 */
export class Timings {
  private readonly histogram: RecordableHistogram = createHistogram();

  static of(durationsMs: Iterable<number>): Timings {
    const timings = new Timings();
    for (const ms of durationsMs) timings.record(ms);
    return timings;
  }

  record(ms: number): void {
    // The histogram takes integers >= 1: sub-nanosecond durations count as one nanosecond.
    this.histogram.record(Math.max(1, Math.round(ms * 1e6)));
  }

  /** Runs fn, records how long it took, returns its result. */
  time<T>(fn: () => T): T {
    const started = process.hrtime.bigint();
    try {
      return fn();
    } finally {
      this.record(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }

  async timeAsync<T>(fn: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    try {
      return await fn();
    } finally {
      this.record(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }

  get count(): number {
    return this.histogram.count;
  }

  /** The p-th percentile (0-100) in milliseconds; 0 when nothing was recorded. */
  percentileMs(p: number): number {
    return this.count === 0 ? 0 : this.histogram.percentile(p) / 1e6;
  }

  maxMs(): number {
    return this.count === 0 ? 0 : this.histogram.max / 1e6;
  }
}
