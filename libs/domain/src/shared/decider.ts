import type { DomainEvent } from '../events';
import type { DecisionContext } from './context';
import type { DomainError } from './domain-error';

/** Emmett-style decider: pure functions of (command, state, context) and (state, event). */
export interface Decider<Command, State> {
  decide(command: Command, state: State, context: DecisionContext): DomainEvent[] | DomainError;
  /** Folds any event; events of other aggregates leave the state unchanged. */
  evolve(state: State, event: DomainEvent): State;
  initialState(): State;
}

export function fold<State>(
  decider: Pick<Decider<never, State>, 'evolve' | 'initialState'>,
  events: readonly DomainEvent[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
