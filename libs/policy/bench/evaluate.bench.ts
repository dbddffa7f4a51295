// Benchmark, not a test: evaluating each catalogue pathway over a generated 5,000-event history.
// Standalone, from the repo root: `npm run build && node dist/libs/policy/bench/evaluate.bench.js`,
// or without a build: `node -r ./tests/support/register-ts.js libs/policy/bench/evaluate.bench.ts`.
import { catalogue } from '../src/catalogue/catalogue';
import { evaluate } from '../src/evaluation/evaluate';
import type { Pathway } from '../src/pathway/pathway';
import { generateHistory } from '../src/testing/history-arbitrary';
import { EVALUATED_ON, SUBJECT_TRAINEE } from '../src/testing/history-steps';

export interface BenchResult {
  pathwayId: string;
  events: number;
  iterations: number;
  p50Ms: number;
  p99Ms: number;
  evaluationsPerSecond: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function benchEvaluate(
  options: { events?: number; iterations?: number; pathways?: readonly Pathway[] } = {},
): BenchResult[] {
  const events = options.events ?? 5000;
  const iterations = options.iterations ?? 300;
  const history = generateHistory(7, events);
  return (options.pathways ?? catalogue).map((pathway) => {
    for (let i = 0; i < 20; i++)
      evaluate(pathway, SUBJECT_TRAINEE, history, { evaluatedOn: EVALUATED_ON });
    const times: number[] = [];
    const start = performance.now();
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      evaluate(pathway, SUBJECT_TRAINEE, history, { evaluatedOn: EVALUATED_ON });
      times.push(performance.now() - t0);
    }
    const total = performance.now() - start;
    times.sort((a, b) => a - b);
    const round = (n: number): number => Math.round(n * 1000) / 1000;
    return {
      pathwayId: pathway.id,
      events: history.length,
      iterations,
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
      evaluationsPerSecond: Math.round((iterations / total) * 1000),
    };
  });
}

if (require.main === module) {
  console.table(benchEvaluate());
}
