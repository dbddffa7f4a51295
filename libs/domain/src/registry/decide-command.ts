// The generic path the API takes for any command: find its stream, fold that stream, load
// the facts it names, decide. The per-command typing lives in `deciders`; this is the
// untyped-by-command view over it.
import type { DomainEvent, StreamCategory } from '../events';
import { evolvePathway, initialPathwayState } from '../pathway/pathway-state';
import type { DecisionContext } from '../shared/context';
import { fold, type Decider } from '../shared/decider';
import type { DomainError } from '../shared/domain-error';
import { evolveSupervisor, initialSupervisorState } from '../supervisor/supervisor-state';
import { evolveTrainee, initialTraineeState } from '../trainee/trainee-state';
import type { Role } from '../vocabulary/vocabulary';
import type { Command } from './command';
import { deciders, type FactIds } from './deciders';

interface AnyRegistration {
  category: StreamCategory;
  streamId(command: Command): string;
  expectedStream: 'no-stream' | 'stream-exists' | 'any';
  roles: readonly Role[];
  decider: Decider<Command, unknown>;
  facts(command: Command, state: unknown): FactIds;
}

export function registrationOf(command: Command): AnyRegistration {
  return deciders[command.type] as unknown as AnyRegistration;
}

/** The full stream name, e.g. "case-<caseId>". */
export function streamOf(command: Command): string {
  const registration = registrationOf(command);
  return `${registration.category}-${registration.streamId(command)}`;
}

/** Which other aggregates to read before deciding (ids; stream names via `factStreams`). */
export function factsFor(command: Command, streamEvents: readonly DomainEvent[]): FactIds {
  const registration = registrationOf(command);
  return registration.facts(command, fold(registration.decider, streamEvents));
}

export function factStreams(facts: FactIds): {
  trainee?: string;
  supervisor?: string;
  pathway?: string;
} {
  return {
    ...(facts.trainee !== undefined && { trainee: `trainee-${facts.trainee}` }),
    ...(facts.supervisor !== undefined && { supervisor: `supervisor-${facts.supervisor}` }),
    ...(facts.pathway !== undefined && { pathway: `policy-${facts.pathway}` }),
  };
}

export interface FactEvents {
  trainee?: readonly DomainEvent[];
  supervisor?: readonly DomainEvent[];
  pathway?: readonly DomainEvent[];
}

/** Folds the fact streams the handler read into the context's fact states. */
export function foldFacts(
  events: FactEvents,
): Pick<DecisionContext, 'trainee' | 'supervisor' | 'pathway'> {
  return {
    ...(events.trainee && {
      trainee: fold({ evolve: evolveTrainee, initialState: initialTraineeState }, events.trainee),
    }),
    ...(events.supervisor && {
      supervisor: fold(
        { evolve: evolveSupervisor, initialState: initialSupervisorState },
        events.supervisor,
      ),
    }),
    ...(events.pathway && {
      pathway: fold({ evolve: evolvePathway, initialState: initialPathwayState }, events.pathway),
    }),
  };
}

/** Folds the command's own stream and decides. */
export function decideCommand(
  command: Command,
  streamEvents: readonly DomainEvent[],
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const { decider } = registrationOf(command);
  return decider.decide(command, fold(decider, streamEvents), context);
}
