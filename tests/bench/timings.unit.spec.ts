import { Timings } from './timings';

describe('bench timings', () => {
  it('reads percentiles and the maximum from what was recorded, to three significant figures', () => {
    const timings = Timings.of(Array.from({ length: 100 }, (_, i) => i + 1)); // 1..100 ms
    expect(timings.count).toBe(100);
    expect(timings.percentileMs(50)).toBeCloseTo(50, 0);
    expect(timings.percentileMs(99)).toBeCloseTo(99, 0);
    expect(timings.maxMs()).toBeCloseTo(100, 0);
  });

  it('reports 0 rather than a made-up figure when nothing was timed', () => {
    expect(new Timings().percentileMs(99)).toBe(0);
    expect(new Timings().maxMs()).toBe(0);
  });

  it('times a call and passes its result through', async () => {
    const timings = new Timings();
    expect(timings.time(() => 42)).toBe(42);
    await expect(timings.timeAsync(async () => 'done')).resolves.toBe('done');
    expect(timings.count).toBe(2);
  });
});
