// Benchmark, not a test: evaluating each catalogue pathway over a generated 5,000-event history.
// Standalone, from the repo root: `npm run build && node dist/tests/bench/policy-evaluate.js`,
// or without a build: `node -r ./tests/support/register-ts.js tests/bench/policy-evaluate.ts`.
import { catalogue, evaluate, type Pathway } from '@inr/policy';
import { generateHistory } from '../../libs/policy/src/testing/history-arbitrary';
import { EVALUATED_ON, SUBJECT_TRAINEE } from '../../libs/policy/src/testing/history-steps';
import { Timings } from './timings';

export interface BenchResult {
  pathwayId: string;
  events: number;
  iterations: number;
  p50Ms: number;
  p99Ms: number;
  evaluationsPerSecond: number;
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
    const timings = new Timings();
    const start = performance.now();
    for (let i = 0; i < iterations; i++) {
      timings.time(() =>
        evaluate(pathway, SUBJECT_TRAINEE, history, { evaluatedOn: EVALUATED_ON }),
      );
    }
    const total = performance.now() - start;
    const round = (n: number): number => Math.round(n * 1000) / 1000;
    return {
      pathwayId: pathway.id,
      events: history.length,
      iterations,
      p50Ms: round(timings.percentileMs(50)),
      p99Ms: round(timings.percentileMs(99)),
      evaluationsPerSecond: Math.round((iterations / total) * 1000),
    };
  });
}

if (require.main === module) {
  console.table(benchEvaluate());
}
