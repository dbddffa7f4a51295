import {
  ASSESSMENT_OUTCOMES,
  ASSESSMENT_TYPES,
  OPERATOR_ROLES,
  PROCEDURES,
  SUPERVISION_LEVELS,
  SUPERVISOR_KINDS,
} from '@inr/domain';
import fc from 'fast-check';
import type { HistoryEvent } from '../history/history-event';
import { TRAINING_SETTINGS } from '../pathway/pathway';
import { buildHistory, HISTORY_DAYS, INSTITUTIONS, type HistoryStep } from './history-steps';

// Test support only (fast-check is a dev dependency): never exported from the package index.

const trainee = fc.constantFrom<0 | 1>(0, 0, 0, 1);
const day = fc.integer({ min: 0, max: HISTORY_DAYS });
const caseRef = fc.nat({ max: 1000 });
const institution = fc.nat({ max: INSTITUTIONS.length - 1 });

export const historyStepArbitrary: fc.Arbitrary<HistoryStep> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      trainee,
      procedure: fc.constantFrom(...PROCEDURES),
      operatorRole: fc.constantFrom(...OPERATOR_ROLES),
      supervisionLevel: fc.constantFrom(...SUPERVISION_LEVELS),
      institution,
      day,
      ruptured: fc.boolean(),
    }),
  },
  { weight: 7, arbitrary: fc.record({ kind: fc.constant('sign' as const), caseRef }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('amend' as const),
      caseRef,
      operatorRole: fc.option(fc.constantFrom(...OPERATOR_ROLES)),
      supervisionLevel: fc.option(fc.constantFrom(...SUPERVISION_LEVELS)),
      day: fc.option(day),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retract' as const), caseRef }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dispute' as const), caseRef }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('assess' as const),
      trainee,
      type: fc.constantFrom(...ASSESSMENT_TYPES),
      outcome: fc.constantFrom(...ASSESSMENT_OUTCOMES),
      procedure: fc.option(fc.constantFrom(...PROCEDURES)),
      day,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('competency' as const),
      trainee,
      competency: fc.nat({ max: 3 }),
      signer: fc.nat({ max: 4 }),
      signerKind: fc.constantFrom(...SUPERVISOR_KINDS),
      institution,
      day,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rota' as const),
      trainee,
      day,
      shifts: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('time' as const),
      trainee,
      setting: fc.constantFrom(...TRAINING_SETTINGS),
      months: fc.constantFrom(1, 2.5, 3, 6, 12),
      day,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('transfer' as const), trainee, institution }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('noise' as const), day }) },
);

export function historyArbitrary(maxSteps = 120): fc.Arbitrary<HistoryEvent[]> {
  return fc.array(historyStepArbitrary, { maxLength: maxSteps }).map(buildHistory);
}

/** A reproducible history of exactly `eventCount` events, for the catalogue test and the benchmark. */
export function generateHistory(seed: number, eventCount: number): HistoryEvent[] {
  // About one event per step; ask for extra steps and cut to size.
  const steps = fc.sample(historyStepArbitrary, { seed, numRuns: eventCount + 10 });
  return buildHistory(steps).slice(0, eventCount);
}
