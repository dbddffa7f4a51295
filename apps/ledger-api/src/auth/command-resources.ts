import {
  initialTraineeState,
  periodsHolding,
  type ApplicationState,
  type CaseLogged,
  type CaseState,
  type Command,
  type DecisionContext,
  type SupervisorState,
  type TraineeState,
} from '@inr/domain';
import { notFound } from '../platform/problem/problem.exception';
import type { Resource } from './authorize';

// The facts the policy checks for each command, read from the states the command handler has
// already folded (the command's own stream and the fact streams the registry names). One place
// for every command; a command on a record that does not exist answers 404 before the policy.

/** The record a command touches, as the POLICY table's rules see it. */
export function commandResource(
  command: Command,
  state: unknown,
  context: DecisionContext,
): Resource {
  switch (command.type) {
    case 'EnrolTrainee':
      return { ownerId: command.traineeId, institutionIds: [command.institutionId] };
    case 'TransferTrainee': {
      const trainee = enrolledTrainee(state as TraineeState, command.traineeId);
      return {
        ownerId: command.traineeId,
        institutionIds: unique([trainee.institutionId, command.toInstitutionId]),
      };
    }
    case 'DeclareRotation': {
      const trainee = enrolledTrainee(state as TraineeState, command.traineeId);
      return { ownerId: command.traineeId, institutionIds: [trainee.institutionId] };
    }
    case 'RecordAssessment': {
      const trainee = enrolledTrainee(state as TraineeState, command.traineeId);
      return {
        ownerId: command.traineeId,
        namedId: command.assessorId,
        institutionIds: [trainee.institutionId],
      };
    }
    case 'SignOffCompetency':
      enrolledTrainee(state as TraineeState, command.traineeId);
      return {
        ownerId: command.traineeId,
        namedId: command.signerId,
        institutionIds: [command.institutionId],
      };
    case 'RecordRotaParticipation':
      enrolledTrainee(state as TraineeState, command.traineeId);
      return { ownerId: command.traineeId, institutionIds: [command.institutionId] };
    case 'RecogniseExternalEvidence':
    case 'WithdrawExternalEvidenceRecognition': {
      const trainee = enrolledTrainee(context.trainee ?? initialTraineeState(), command.traineeId);
      return { ownerId: command.traineeId, institutionIds: [trainee.institutionId] };
    }
    case 'RecogniseTrainingTime': {
      const trainee = enrolledTrainee(state as TraineeState, command.traineeId);
      return { ownerId: command.traineeId, institutionIds: [trainee.institutionId] };
    }
    case 'EraseSubject':
      return { ownerId: command.subjectId };
    case 'RequestAssessment':
    case 'RequestCompetencySignOff':
    case 'WithdrawRequest':
    case 'WriteReflection':
    case 'ShareReflection': {
      const trainee = enrolledTrainee(state as TraineeState, command.traineeId);
      return { ownerId: command.traineeId, institutionIds: [trainee.institutionId] };
    }
    case 'LogCase':
      return { ownerId: command.traineeId, institutionIds: [command.institutionId] };
    case 'AmendCase':
    case 'RetractCase':
    case 'RecordCaseOutcome': {
      const record = loggedCase(state as CaseState, command.caseId);
      return { ownerId: record.traineeId, institutionIds: [record.institutionId] };
    }
    case 'SignOffCase':
    case 'DisputeCaseSignOff': {
      const record = loggedCase(state as CaseState, command.caseId);
      return {
        ownerId: record.traineeId,
        namedId: record.supervisorId,
        institutionIds: [record.institutionId],
        actorAccreditedAt: accreditedToday(context),
      };
    }
    case 'AccreditSupervisor':
      return { ownerId: command.supervisorId, institutionIds: command.institutionIds };
    case 'RevokeSupervisorAccreditation': {
      const supervisor = state as SupervisorState;
      if (supervisor.status !== 'known') throw notFound(`no supervisor '${command.supervisorId}'`);
      return {
        ownerId: command.supervisorId,
        institutionIds: supervisorInstitutions(supervisor, context.today),
      };
    }
    case 'PublishPathway':
      return {};
    case 'SubmitCredentialApplication':
      return { ownerId: command.traineeId };
    case 'RecordCredentialDecision':
    case 'CastPanelVote':
    case 'FlagCredentialForReview':
    case 'ResolveCredentialReview':
    case 'IssueCredential':
    case 'SuspendCredential':
    case 'ReinstateCredential':
    case 'RevokeCredential':
      return { ownerId: applicationHolder(state as ApplicationState, command.applicationId) };
  }
}

function enrolledTrainee(
  state: TraineeState,
  traineeId: string,
): Extract<TraineeState, { status: 'enrolled' }> {
  if (state.status !== 'enrolled') throw notFound(`no trainee '${traineeId}' is enrolled`);
  return state;
}

function loggedCase(state: CaseState, caseId: string): CaseLogged {
  if (state.status === 'not-logged') throw notFound(`no case '${caseId}'`);
  return state.record;
}

function applicationHolder(state: ApplicationState, applicationId: string): string {
  if (state.status === 'not-submitted')
    throw notFound(`no credential application '${applicationId}'`);
  return state.application.traineeId;
}

/** Institutions where the acting supervisor's accreditation holds today. */
function accreditedToday(context: DecisionContext): string[] {
  const supervisor = context.supervisor;
  if (!supervisor) return [];
  return periodsHolding(supervisor, context.today, context.today).flatMap((p) => p.institutionIds);
}

/**
 * Every institution of the supervisor's accreditations not yet revoked or expired (all of them
 * if none is left): revoking touches each of them, so an institutional revoker needs them all.
 */
export function supervisorInstitutions(state: SupervisorState, today: string): string[] {
  if (state.status !== 'known') return [];
  const live = state.periods.filter(
    (p) => p.revokedOn === undefined && (p.validUntil === undefined || p.validUntil >= today),
  );
  return unique((live.length > 0 ? live : state.periods).flatMap((p) => p.institutionIds));
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
