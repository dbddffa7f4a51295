import { ProgressBar } from './progress-bar';

/**
 * Progress for work in named steps (copy this file, audit, rebuild): one bar per step, shown
 * only once a step is big enough to be worth watching.
 */
export function stepProgress(
  minTotal: number,
): (step: string, done: number, total: number) => void {
  let current: { step: string; bar: ProgressBar } | undefined;
  return (step, done, total) => {
    if (total < minTotal) return;
    if (current?.step !== step) {
      current = { step, bar: new ProgressBar(step) };
    }
    current.bar.update(done, total);
    if (done >= total) current.bar.finish(done);
  };
}
