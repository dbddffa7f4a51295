import { checkPathwaysForTrainee } from '../pathway/pathway-eligibility';
import { admitCommand } from '../shared/admit-command';
import type { DomainEvent } from '../events';
import { initialPathwayState, publishedVersion } from '../pathway/pathway-state';
import type { DecisionContext } from '../shared/context';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError } from '../shared/domain-error';
import { requireActorIs, requireNonEmpty, requireReason } from '../shared/guards';
import { initialTraineeState } from '../trainee/trainee-state';
import {
  evolveApplication,
  initialApplicationState,
  type ApplicationState,
} from './application-state';
import type { CredentialCommand, SubmitCredentialApplication } from './credential-commands';
import { decidePanelVote } from './cast-panel-vote';
import { decideCredentialDecision } from './record-credential-decision';
import { decideFlag, decideResolution } from './review-flags';

function decideSubmission(
  command: SubmitCredentialApplication,
  state: ApplicationState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const { applicationId, traineeId, pathwayId, pathwayVersion } = command;
  const trainee = context.trainee ?? initialTraineeState();
  const pathway = context.pathway ?? initialPathwayState();
  return (
    (state.status === 'not-submitted'
      ? undefined
      : domainError(
          'APPLICATION_ALREADY_SUBMITTED',
          `Application '${applicationId}' already exists.`,
        )) ??
    requireActorIs(context.actor, traineeId, 'traineeId') ??
    requireNonEmpty(applicationId, 'applicationId') ??
    (trainee.status === 'enrolled' && trainee.enrolment.traineeId === traineeId
      ? undefined
      : domainError('TRAINEE_NOT_ENROLLED', `Trainee '${traineeId}' is not enrolled.`)) ??
    (pathway.status === 'published' &&
    pathway.pathwayId === pathwayId &&
    publishedVersion(pathway, pathwayVersion)
      ? undefined
      : domainError(
          'PATHWAY_VERSION_NOT_PUBLISHED',
          `Pathway '${pathwayId}' version ${pathwayVersion} is not published.`,
        )) ??
    (trainee.status === 'enrolled'
      ? checkPathwaysForTrainee(context, [pathwayId], trainee.enrolment)
      : undefined) ?? [
      {
        type: 'CredentialApplicationSubmitted',
        data: { applicationId, traineeId, pathwayId, pathwayVersion, submittedOn: context.today },
      },
    ]
  );
}

const REVOKED = () =>
  domainError('CREDENTIAL_REVOKED', 'The credential is revoked; revocation is final.');

function decide(
  command: CredentialCommand,
  state: ApplicationState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const guard = admitCommand(command, context.actor);
  if (guard) return guard;
  const { today } = context;

  switch (command.type) {
    case 'SubmitCredentialApplication':
      return decideSubmission(command, state, context);
    case 'RecordCredentialDecision':
      return decideCredentialDecision(command, state, context);
    case 'CastPanelVote':
      return decidePanelVote(command, state, context);
    case 'FlagCredentialForReview':
      return decideFlag(command, state, context);
    case 'ResolveCredentialReview':
      return decideResolution(command, state, context);
    case 'IssueCredential': {
      if (state.status === 'active' || state.status === 'suspended' || state.status === 'revoked') {
        return domainError(
          'CREDENTIAL_ALREADY_ISSUED',
          'The credential for this application is already issued.',
        );
      }
      if (state.status !== 'granted') {
        return domainError(
          'CREDENTIAL_NOT_GRANTED',
          'A credential is issued only after a granted decision.',
        );
      }
      const { applicationId, traineeId, pathwayId } = state.application;
      return (
        requireNonEmpty(command.credentialId, 'credentialId') ?? [
          {
            type: 'CredentialIssued',
            data: {
              applicationId,
              credentialId: command.credentialId,
              traineeId,
              pathwayId,
              issuedOn: today,
            },
          },
        ]
      );
    }
    case 'SuspendCredential':
      if (state.status === 'revoked') return REVOKED();
      if (state.status !== 'active') {
        return domainError('CREDENTIAL_NOT_ACTIVE', 'Only an active credential can be suspended.');
      }
      return (
        requireReason(command.reason) ?? [
          {
            type: 'CredentialSuspended',
            data: {
              applicationId: state.application.applicationId,
              credentialId: state.credentialId,
              reason: command.reason,
              suspendedOn: today,
              suspendedByRole: context.actor.role,
            },
          },
        ]
      );
    case 'ReinstateCredential':
      if (state.status === 'revoked') return REVOKED();
      if (state.status !== 'suspended') {
        return domainError(
          'CREDENTIAL_NOT_SUSPENDED',
          'Only a suspended credential can be reinstated.',
        );
      }
      // A regulator's suspension binds the panel and the service's admins: only a regulator lifts it.
      if (state.suspendedByRole === 'regulator' && context.actor.role !== 'regulator') {
        return domainError(
          'REGULATOR_SUSPENSION',
          'A regulator suspended this credential; only a regulator may reinstate it.',
        );
      }
      return (
        requireReason(command.reason) ?? [
          {
            type: 'CredentialReinstated',
            data: {
              applicationId: state.application.applicationId,
              credentialId: state.credentialId,
              reason: command.reason,
              reinstatedOn: today,
            },
          },
        ]
      );
    case 'RevokeCredential':
      // Revoking straight from active is allowed: misconduct need not pass through suspension.
      if (state.status === 'revoked') return REVOKED();
      if (state.status !== 'active' && state.status !== 'suspended') {
        return domainError('CREDENTIAL_NOT_ACTIVE', 'Only an issued credential can be revoked.');
      }
      return (
        requireReason(command.reason) ?? [
          {
            type: 'CredentialRevoked',
            data: {
              applicationId: state.application.applicationId,
              credentialId: state.credentialId,
              reason: command.reason,
              revokedOn: today,
            },
          },
        ]
      );
  }
}

export const credentialDecider: Decider<CredentialCommand, ApplicationState> = {
  decide,
  evolve: evolveApplication,
  initialState: initialApplicationState,
};
