import type { DomainEvent } from '../events';
import { admitCommand } from '../shared/admit-command';
import type { DecisionContext } from '../shared/context';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError } from '../shared/domain-error';
import { requireReason } from '../shared/guards';
import type { ErasureCommand } from './erasure-commands';

/** Stream subject-<id>: whether the person's data has been erased, and when. */
export type ErasureState = { erased: false } | { erased: true; erasedOn: string };

export function initialErasureState(): ErasureState {
  return { erased: false };
}

export function evolveErasure(state: ErasureState, event: DomainEvent): ErasureState {
  return event.type === 'SubjectDataErased'
    ? { erased: true, erasedOn: event.data.erasedOn }
    : state;
}

function decide(
  command: ErasureCommand,
  state: ErasureState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const known = context.trainee?.status === 'enrolled' || context.supervisor?.status === 'known';
  return (
    admitCommand(command, context.actor) ??
    requireReason(command.reason) ??
    (known ? undefined : domainError('SUBJECT_UNKNOWN', 'No trainee or supervisor has this id.')) ??
    (state.erased
      ? domainError('SUBJECT_ALREADY_ERASED', `Erased on ${state.erasedOn}.`)
      : undefined) ?? [
      {
        type: 'SubjectDataErased',
        data: {
          subjectId: command.subjectId,
          erasedOn: context.today,
          reason: command.reason.trim(),
        },
      },
    ]
  );
}

export const erasureDecider: Decider<ErasureCommand, ErasureState> = {
  decide,
  evolve: evolveErasure,
  initialState: initialErasureState,
};
