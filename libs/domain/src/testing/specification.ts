// Given-events / when-command / then-events specifications for any decider (Emmett's
// DeciderSpecification, without the dependency). Framework-free: a failure throws an Error
// whose message shows expected and actual, so it reads well under jest or node:test.
import type { DomainEvent } from '../events';
import type { DecisionContext } from '../shared/context';
import { fold, type Decider } from '../shared/decider';
import { isDomainError, type DomainError, type DomainErrorCode } from '../shared/domain-error';

/** Stable JSON: keys sorted, undefined fields dropped, so optional fields compare as absent. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, item]) => item !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

const show = (value: unknown) => JSON.stringify(JSON.parse(canonical(value)), null, 2);

export interface Outcome<State> {
  /** The decision produced exactly these events (in order); returns the state after them. */
  then(expected: readonly DomainEvent[]): State;
  /** The decision was refused with this code; returns the error for further checks. */
  thenFails(code: DomainErrorCode): DomainError;
  readonly result: DomainEvent[] | DomainError;
}

export interface Specification<Command, State> {
  given(events?: readonly DomainEvent[]): {
    when(command: Command, context: DecisionContext): Outcome<State>;
  };
}

export function specification<Command, State>(
  decider: Decider<Command, State>,
): Specification<Command, State> {
  return {
    given(events = []) {
      return {
        when(command, context) {
          const state = fold(decider, events);
          const result = decider.decide(command, state, context);
          return {
            result,
            then(expected) {
              if (isDomainError(result)) {
                throw new Error(
                  `Expected events ${show(expected)}\nbut the command was refused: ${result.code}: ${result.message}`,
                );
              }
              if (canonical(result) !== canonical(expected)) {
                throw new Error(`Expected events ${show(expected)}\nbut got ${show(result)}`);
              }
              // The decision must also fold: an event evolve cannot apply is a bug too.
              return result.reduce((s, event) => decider.evolve(s, event), state);
            },
            thenFails(code) {
              if (!isDomainError(result)) {
                throw new Error(
                  `Expected refusal ${code}\nbut the command produced ${show(result)}`,
                );
              }
              if (result.code !== code) {
                throw new Error(
                  `Expected refusal ${code}\nbut it was refused with ${result.code}: ${result.message}`,
                );
              }
              return result;
            },
          };
        },
      };
    },
  };
}
