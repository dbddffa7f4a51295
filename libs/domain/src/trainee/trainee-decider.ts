import { checkPathwaysForTrainee } from '../pathway/pathway-eligibility';
import { admitCommand } from '../shared/admit-command';
import type { DomainEvent } from '../events';
import type { DecisionContext } from '../shared/context';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError } from '../shared/domain-error';
import {
  compact,
  requireActorIs,
  requireNonEmpty,
  requirePastOrToday,
  requirePeriod,
} from '../shared/guards';
import { ASSESSMENT_TYPES, SPECIALTIES } from '../vocabulary/vocabulary';
import { answersRequest } from '../portfolio/answer-request';
import { decideDeclareRotation } from './declare-rotation';
import { decideSignOffCompetency } from './sign-off-competency';
import { monthsWithinPeriod, trainingTimeSourceGiven } from './training-time-rules';
import type { TraineeCommand } from './trainee-commands';
import { accreditedAt } from '../supervisor/supervisor-state';
import type { RotaParticipationRecorded } from '../events';
import {
  evolveTrainee,
  initialTraineeState,
  institutionsOn,
  trainsAt,
  type TraineeState,
} from './trainee-state';

type Enrolled = Extract<TraineeState, { status: 'enrolled' }>;

function notBeforeEnrolment(state: Enrolled, day: string, field: string): DomainError | undefined {
  return day < state.enrolment.enrolledOn
    ? domainError('DATE_BEFORE_ENROLMENT', `'${field}' is before the trainee's enrolment.`)
    : undefined;
}

/** The rota ran at an institution where the trainee trained for the whole period's ends. */
function rotaAtTraineesInstitution(
  state: Enrolled,
  rota: RotaParticipationRecorded,
): DomainError | undefined {
  return trainsAt(state, rota.institutionId, rota.from) &&
    trainsAt(state, rota.institutionId, rota.to)
    ? undefined
    : domainError(
        'NOT_TRAINEES_INSTITUTION',
        `The trainee did not train at '${rota.institutionId}' from ${rota.from} to ${rota.to}.`,
      );
}

/**
 * A supervisor or director records rota shifts only where their accreditation held for the
 * period; an admin records them for the trust (the trust's rota office), without one.
 */
function recorderAccredited(
  context: DecisionContext,
  recordedBy: string,
  rota: RotaParticipationRecorded,
): DomainError | undefined {
  if (context.actor.role !== 'supervisor' && context.actor.role !== 'medical-director')
    return undefined;
  const held = [rota.from, rota.to].every((day) =>
    accreditedAt(context.supervisor, recordedBy, rota.institutionId, day, context.today),
  );
  return held
    ? undefined
    : domainError(
        'RECORDER_NOT_ACCREDITED',
        `The recorder held no accreditation at '${rota.institutionId}' from ${rota.from} to ${rota.to}.`,
      );
}

function decide(
  command: TraineeCommand,
  state: TraineeState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const { actor, today } = context;
  const guard = admitCommand(command, actor);
  if (guard) return guard;

  if (command.type === 'EnrolTrainee') {
    const { type: _type, ...data } = command;
    return (
      (state.status === 'enrolled'
        ? domainError('TRAINEE_ALREADY_ENROLLED', 'The trainee is already enrolled.')
        : undefined) ??
      requireNonEmpty(data.traineeId, 'traineeId') ??
      requireNonEmpty(data.institutionId, 'institutionId') ??
      (SPECIALTIES.includes(data.specialty)
        ? undefined
        : domainError('INVALID_VALUE', `'specialty' must be one of ${SPECIALTIES.join(', ')}.`)) ??
      requirePastOrToday(data.enrolledOn, today, 'enrolledOn') ??
      checkPathwaysForTrainee(context, data.pathwayIds, data) ?? [
        { type: 'TraineeEnrolled', data: { ...data, pathwayIds: [...new Set(data.pathwayIds)] } },
      ]
    );
  }

  if (state.status !== 'enrolled') {
    return domainError('TRAINEE_NOT_ENROLLED', `Trainee '${command.traineeId}' is not enrolled.`);
  }

  switch (command.type) {
    case 'TransferTrainee': {
      const { traineeId, toInstitutionId, transferredOn } = command;
      return (
        (toInstitutionId === state.institutionId
          ? domainError(
              'TRANSFER_TO_SAME_INSTITUTION',
              'The trainee is already at that institution.',
            )
          : undefined) ??
        requirePastOrToday(transferredOn, today, 'transferredOn') ??
        notBeforeEnrolment(state, transferredOn, 'transferredOn') ?? [
          {
            type: 'TraineeTransferred',
            data: {
              traineeId,
              fromInstitutionId: state.institutionId,
              toInstitutionId,
              transferredOn,
            },
          },
        ]
      );
    }
    case 'DeclareRotation':
      return decideDeclareRotation(command, state, context);
    case 'RecordAssessment': {
      const { type: _type, assessmentType, ...rest } = command;
      const data = { ...rest, type: assessmentType };
      return (
        requireActorIs(actor, data.assessorId, 'assessorId') ??
        (data.assessorId === data.traineeId
          ? domainError('SELF_ASSESSMENT_NOT_ALLOWED', 'A trainee cannot assess themselves.')
          : undefined) ??
        (ASSESSMENT_TYPES.includes(assessmentType)
          ? undefined
          : domainError(
              'INVALID_VALUE',
              `'assessmentType' must be one of ${ASSESSMENT_TYPES.join(', ')}.`,
            )) ??
        (state.assessmentIds.includes(data.assessmentId)
          ? domainError('ASSESSMENT_ALREADY_RECORDED', 'This assessment is already recorded.')
          : undefined) ??
        answersRequest(state, data.requestId, 'assessment', data.assessorId, (request) =>
          request.type === assessmentType
            ? undefined
            : `the trainee asked for a ${request.type}, not a ${assessmentType}`,
        ) ??
        requirePastOrToday(data.performedOn, today, 'performedOn') ??
        notBeforeEnrolment(state, data.performedOn, 'performedOn') ??
        // The assessor's accreditation held, on the day, where the trainee trained that day.
        (institutionsOn(state, data.performedOn).some((institutionId) =>
          accreditedAt(context.supervisor, data.assessorId, institutionId, data.performedOn, today),
        )
          ? undefined
          : domainError(
              'ASSESSOR_NOT_ACCREDITED',
              `The assessor held no accreditation at the trainee's institution on ${data.performedOn}.`,
            )) ?? [{ type: 'AssessmentRecorded', data: compact(data) }]
      );
    }
    case 'SignOffCompetency':
      return decideSignOffCompetency(command, state, context);
    case 'RecordRotaParticipation': {
      const { type: _type, recordedBy, ...data } = command;
      return (
        requireActorIs(actor, recordedBy, 'recordedBy') ??
        requirePeriod(data.from, data.to) ??
        requirePastOrToday(data.to, today, 'to') ??
        notBeforeEnrolment(state, data.from, 'from') ??
        rotaAtTraineesInstitution(state, data) ??
        recorderAccredited(context, recordedBy, data) ??
        (Number.isInteger(data.shifts) && data.shifts > 0
          ? undefined
          : domainError('INVALID_VALUE', "'shifts' must be a positive whole number.")) ?? [
          { type: 'RotaParticipationRecorded', data },
        ]
      );
    }
    case 'RecogniseTrainingTime': {
      // Time before enrolment is allowed on purpose: recognising earlier training (other
      // colleges, other sites) is the point of this command.
      const { type: _type, recognitionId, ...given } = command;
      const restsOn =
        recognitionId === undefined || state.status !== 'enrolled'
          ? undefined
          : state.recognitions?.[recognitionId];
      const data = { ...given, ...(restsOn !== undefined && { restsOn }) };
      return (
        requireActorIs(actor, data.recognisedBy, 'recognisedBy') ??
        (recognitionId === undefined || restsOn !== undefined
          ? undefined
          : domainError(
              'RECOGNITION_NOT_FOUND',
              `No standing recognition '${recognitionId}' of another ledger's evidence for this trainee.`,
            )) ??
        trainingTimeSourceGiven(data) ??
        requirePeriod(data.from, data.to) ??
        requirePastOrToday(data.to, today, 'to') ??
        (data.months > 0 && data.months <= 120
          ? undefined
          : domainError('INVALID_VALUE', "'months' must be more than 0 and at most 120.")) ??
        monthsWithinPeriod(data.months, data.from, data.to) ?? [
          { type: 'TrainingTimeRecognised', data },
        ]
      );
    }
  }
}

export const traineeDecider: Decider<TraineeCommand, TraineeState> = {
  decide,
  evolve: evolveTrainee,
  initialState: initialTraineeState,
};
