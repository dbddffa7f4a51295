import type { DomainEvent } from '../events';
import { admitCommand } from '../shared/admit-command';
import type { DecisionContext } from '../shared/context';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError } from '../shared/domain-error';
import { requireActorIs, requireNonEmpty } from '../shared/guards';
import type { RecognitionCommand } from './recognition-commands';

/** The trainee stream as recognition sees it: enrolled or not, and each recognition's state. */
export interface RecognitionState {
  enrolled: boolean;
  /** recognitionId -> whether it has been withdrawn. */
  recognitions: Record<string, { withdrawn: boolean }>;
}

export function initialRecognitionState(): RecognitionState {
  return { enrolled: false, recognitions: {} };
}

export function evolveRecognition(state: RecognitionState, event: DomainEvent): RecognitionState {
  switch (event.type) {
    case 'TraineeEnrolled':
      return { ...state, enrolled: true };
    case 'ExternalEvidenceRecognised':
      return {
        ...state,
        recognitions: { ...state.recognitions, [event.data.recognitionId]: { withdrawn: false } },
      };
    case 'ExternalEvidenceRecognitionWithdrawn':
      return {
        ...state,
        recognitions: { ...state.recognitions, [event.data.recognitionId]: { withdrawn: true } },
      };
    default:
      return state;
  }
}

function decide(
  command: RecognitionCommand,
  state: RecognitionState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const guard = admitCommand(command, context.actor);
  if (guard) return guard;
  if (!state.enrolled)
    return domainError('TRAINEE_NOT_ENROLLED', `Trainee '${command.traineeId}' is not enrolled.`);
  const existing = state.recognitions[command.recognitionId];
  if (command.type === 'RecogniseExternalEvidence') {
    const { type: _type, ...data } = command;
    return (
      requireActorIs(context.actor, data.recognisedBy, 'recognisedBy') ??
      requireNonEmpty(data.reason, 'reason') ??
      (data.leaves.length === 0
        ? domainError('NOTHING_RECOGNISED', 'The scope covers no event of the foreign record.')
        : undefined) ??
      (existing !== undefined && !existing.withdrawn
        ? domainError(
            'RECOGNITION_ALREADY_RECORDED',
            `Recognition '${data.recognitionId}' is already recorded.`,
          )
        : undefined) ?? [
        { type: 'ExternalEvidenceRecognised', data: { ...data, recognisedOn: context.today } },
      ]
    );
  }
  const { recognitionId, traineeId, withdrawnBy, reason } = command;
  return (
    requireActorIs(context.actor, withdrawnBy, 'withdrawnBy') ??
    requireNonEmpty(reason, 'reason') ??
    (existing === undefined
      ? domainError('RECOGNITION_NOT_FOUND', `No recognition '${recognitionId}' for this trainee.`)
      : existing.withdrawn
        ? domainError(
            'RECOGNITION_ALREADY_WITHDRAWN',
            `Recognition '${recognitionId}' is withdrawn.`,
          )
        : undefined) ?? [
      {
        type: 'ExternalEvidenceRecognitionWithdrawn',
        data: { traineeId, recognitionId, withdrawnBy, withdrawnOn: context.today, reason },
      },
    ]
  );
}

/** Decides recognitions on the trainee's stream, beside the trainee decider. */
export const recognitionDecider: Decider<RecognitionCommand, RecognitionState> = {
  decide,
  evolve: evolveRecognition,
  initialState: initialRecognitionState,
};
