// A trainee's own portfolio work on their record: asking a named assessor or signer for
// something (it waits in that person's queue until answered) and writing reflections that
// stay private unless the trainee shares them. Folded from the trainee stream, like the
// trainee decider, so a request's answer (an assessment, a signature) closes it.
import type { DomainEvent, ReflectionAudience } from '../events';
import { competencyIn } from '../pathway/pathway-facts';
import { admitCommand } from '../shared/admit-command';
import type { DecisionContext } from '../shared/context';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError } from '../shared/domain-error';
import { compact, requireActorIs, requireNonEmpty, requireReason } from '../shared/guards';
import { accreditedAt } from '../supervisor/supervisor-state';
import {
  evolveTrainee,
  initialTraineeState,
  institutionsOn,
  trainsAt,
  type TraineeState,
} from '../trainee/trainee-state';
import { ASSESSMENT_TYPES } from '../vocabulary/vocabulary';
import type { PortfolioCommand } from './portfolio-commands';

type Enrolled = Extract<TraineeState, { status: 'enrolled' }>;

function newRequest(state: Enrolled, requestId: string): DomainError | undefined {
  return (
    requireNonEmpty(requestId, 'requestId') ??
    (state.requestIds.includes(requestId)
      ? domainError('REQUEST_ALREADY_MADE', `Request '${requestId}' was already made.`)
      : undefined)
  );
}

function notSelf(traineeId: string, personId: string, field: string): DomainError | undefined {
  return traineeId === personId
    ? domainError('INVALID_VALUE', `'${field}' must name someone other than the trainee.`)
    : undefined;
}

/** Sorted, de-duplicated, never the trainee: two audiences that read alike compare equal. */
function audience(sharedWith: ReflectionAudience, traineeId: string): ReflectionAudience {
  const supervisorIds = [...new Set(sharedWith.supervisorIds)].sort();
  return { supervisorIds: supervisorIds.filter((id) => id !== traineeId), panel: sharedWith.panel };
}

function validAudience(sharedWith: ReflectionAudience, traineeId: string): DomainError | undefined {
  return sharedWith.supervisorIds.some((id) => id.trim() === '' || id === traineeId)
    ? domainError('INVALID_VALUE', "'sharedWith.supervisorIds' must name other people.")
    : undefined;
}

function decide(
  command: PortfolioCommand,
  state: TraineeState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const { actor, today } = context;
  const refusal =
    admitCommand(command, actor) ?? requireActorIs(actor, command.traineeId, 'traineeId');
  if (refusal) return refusal;
  if (state.status !== 'enrolled')
    return domainError('TRAINEE_NOT_ENROLLED', `Trainee '${command.traineeId}' is not enrolled.`);

  switch (command.type) {
    case 'RequestAssessment': {
      const { type: _type, assessmentType, ...rest } = command;
      return (
        newRequest(state, rest.requestId) ??
        requireNonEmpty(rest.assessorId, 'assessorId') ??
        notSelf(rest.traineeId, rest.assessorId, 'assessorId') ??
        (ASSESSMENT_TYPES.includes(assessmentType)
          ? undefined
          : domainError(
              'INVALID_VALUE',
              `'assessmentType' must be one of ${ASSESSMENT_TYPES.join(', ')}.`,
            )) ??
        // Only someone who could record it: accredited today where the trainee trains today.
        (institutionsOn(state, today).some((institutionId) =>
          accreditedAt(context.supervisor, rest.assessorId, institutionId, today, today),
        )
          ? undefined
          : domainError(
              'ASSESSOR_NOT_ACCREDITED',
              "The assessor holds no accreditation at the trainee's institution today.",
            )) ?? [
          {
            type: 'AssessmentRequested',
            data: compact({
              ...rest,
              institutionId: state.institutionId,
              type: assessmentType,
              requestedOn: today,
            }),
          },
        ]
      );
    }
    case 'RequestCompetencySignOff': {
      const { type: _type, ...rest } = command;
      return (
        newRequest(state, rest.requestId) ??
        requireNonEmpty(rest.signerId, 'signerId') ??
        notSelf(rest.traineeId, rest.signerId, 'signerId') ??
        (trainsAt(state, rest.institutionId, today)
          ? undefined
          : domainError(
              'NOT_TRAINEES_INSTITUTION',
              `The trainee does not train at '${rest.institutionId}' today.`,
            )) ??
        (competencyIn(context.pathways, state.enrolment.pathwayIds, rest.competencyId)
          ? undefined
          : domainError(
              'COMPETENCY_NOT_IN_PATHWAY',
              `None of the trainee's pathways catalogues a competency '${rest.competencyId}'.`,
            )) ??
        (accreditedAt(context.supervisor, rest.signerId, rest.institutionId, today, today)
          ? undefined
          : domainError(
              'SIGNER_NOT_ACCREDITED_AT_INSTITUTION',
              `The signer is not accredited at institution '${rest.institutionId}' today.`,
            )) ?? [
          { type: 'CompetencySignOffRequested', data: compact({ ...rest, requestedOn: today }) },
        ]
      );
    }
    case 'WithdrawRequest': {
      const { requestId, traineeId, reason } = command;
      if (state.withdrawnRequestIds?.includes(requestId))
        return domainError('REQUEST_WITHDRAWN', `Request '${requestId}' is already withdrawn.`);
      const open = state.openRequests.find((r) => r.requestId === requestId);
      if (!open)
        return state.requestIds.includes(requestId)
          ? domainError('REQUEST_NOT_OPEN', `Request '${requestId}' was already answered.`)
          : domainError('REQUEST_NOT_FOUND', `No request '${requestId}'.`);
      return (
        (reason === undefined ? undefined : requireReason(reason)) ?? [
          {
            type: 'RequestWithdrawn',
            data: compact({
              requestId,
              traineeId,
              kind: open.kind,
              addresseeId: open.kind === 'assessment' ? open.assessorId : open.signerId,
              withdrawnOn: today,
              reason,
            }),
          },
        ]
      );
    }
    case 'WriteReflection': {
      const { type: _type, sharedWith, traineeId, ...rest } = command;
      return (
        requireNonEmpty(rest.reflectionId, 'reflectionId') ??
        (rest.reflectionId in state.reflections
          ? domainError(
              'REFLECTION_ALREADY_WRITTEN',
              `Reflection '${rest.reflectionId}' is already written.`,
            )
          : undefined) ??
        requireNonEmpty(rest.title, 'title') ??
        requireNonEmpty(rest.text, 'text') ??
        validAudience(sharedWith, traineeId) ?? [
          {
            type: 'ReflectionWritten',
            data: compact({
              reflectionId: rest.reflectionId,
              authorId: traineeId,
              writtenOn: today,
              title: rest.title,
              text: rest.text,
              caseId: rest.caseId,
              sharedWith: audience(sharedWith, traineeId),
            }),
          },
        ]
      );
    }
    case 'ShareReflection': {
      const current = state.reflections[command.reflectionId];
      if (!current)
        return domainError('REFLECTION_NOT_FOUND', `No reflection '${command.reflectionId}'.`);
      const sharedWith = audience(command.sharedWith, command.traineeId);
      return (
        validAudience(command.sharedWith, command.traineeId) ??
        (JSON.stringify(sharedWith) === JSON.stringify(audience(current, command.traineeId))
          ? domainError('SHARING_UNCHANGED', 'The reflection is already shared that way.')
          : undefined) ?? [
          {
            type: 'ReflectionSharingChanged',
            data: {
              reflectionId: command.reflectionId,
              authorId: command.traineeId,
              changedOn: today,
              sharedWith,
            },
          },
        ]
      );
    }
  }
}

export const portfolioDecider: Decider<PortfolioCommand, TraineeState> = {
  decide,
  evolve: evolveTrainee,
  initialState: initialTraineeState,
};
