// Review flags on a granted decision. A flag follows a signer's revocation for cause; it never
// changes the decision or the credential's status (the panel suspends or revokes separately,
// if it decides to). The panel resolves a flag with its reason.
import type { DomainEvent } from '../events';
import { REVIEW_RESOLUTIONS } from '../events';
import type { DecisionContext } from '../shared/context';
import { domainError, type DomainError } from '../shared/domain-error';
import { requireActorIs, requireNonEmpty, requireReason } from '../shared/guards';
import type { ApplicationState } from './application-state';
import type { FlagCredentialForReview, ResolveCredentialReview } from './credential-commands';

type DecidedState = Exclude<ApplicationState, { status: 'not-submitted' | 'awaiting-decision' }>;

function grantedDecision(
  state: ApplicationState,
  applicationId: string,
): DecidedState | DomainError {
  if (state.status === 'not-submitted')
    return domainError('APPLICATION_NOT_FOUND', `No application '${applicationId}'.`);
  if (state.status === 'awaiting-decision' || state.status === 'refused')
    return domainError('CREDENTIAL_NOT_GRANTED', 'Only a granted decision is flagged for review.');
  return state;
}

export function decideFlag(
  command: FlagCredentialForReview,
  state: ApplicationState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const decided = grantedDecision(state, command.applicationId);
  if ('code' in decided) return decided;
  const refusal =
    requireNonEmpty(command.flagId, 'flagId') ??
    (decided.decisionId === command.decisionId
      ? undefined
      : domainError('REVIEW_FLAG_DECISION_MISMATCH', 'The flag names another decision.')) ??
    (decided.flags.some((f) => f.flagId === command.flagId)
      ? domainError('REVIEW_FLAG_ALREADY_RECORDED', `Flag '${command.flagId}' is recorded.`)
      : undefined) ??
    (command.eventIds.length > 0
      ? undefined
      : domainError('INVALID_VALUE', "'eventIds' must name the evidence under review."));
  if (refusal) return refusal;
  const { application } = decided;
  return [
    {
      type: 'CredentialFlaggedForReview',
      data: {
        flagId: command.flagId,
        applicationId: application.applicationId,
        decisionId: decided.decisionId,
        traineeId: application.traineeId,
        cause: 'signer-revoked-for-cause',
        supervisorId: command.supervisorId,
        revokedOn: command.revokedOn,
        eventIds: [...command.eventIds],
        requirementIds: [...command.requirementIds],
        flaggedOn: context.today,
      },
    },
  ];
}

export function decideResolution(
  command: ResolveCredentialReview,
  state: ApplicationState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const decided = grantedDecision(state, command.applicationId);
  if ('code' in decided) return decided;
  const flag = decided.flags.find((f) => f.flagId === command.flagId);
  const refusal =
    requireActorIs(context.actor, command.panelMemberId, 'panelMemberId') ??
    (flag ? undefined : domainError('REVIEW_FLAG_NOT_FOUND', `No flag '${command.flagId}'.`)) ??
    (flag?.open === false
      ? domainError('REVIEW_ALREADY_RESOLVED', `Flag '${command.flagId}' is resolved.`)
      : undefined) ??
    (command.panelMemberId === decided.application.traineeId
      ? domainError('CANNOT_DECIDE_OWN_APPLICATION', 'Nobody reviews their own credential.')
      : undefined) ??
    (command.panelMemberId === flag?.supervisorId
      ? domainError(
          'PANEL_MEMBER_SIGNED_EVIDENCE',
          'You signed the evidence under review: you may not resolve its flag.',
        )
      : undefined) ??
    (REVIEW_RESOLUTIONS.includes(command.resolution)
      ? undefined
      : domainError(
          'INVALID_VALUE',
          `'resolution' must be one of ${REVIEW_RESOLUTIONS.join(', ')}.`,
        )) ??
    requireReason(command.reason);
  if (refusal) return refusal;
  return [
    {
      type: 'CredentialReviewResolved',
      data: {
        flagId: command.flagId,
        applicationId: decided.application.applicationId,
        decisionId: decided.decisionId,
        traineeId: decided.application.traineeId,
        resolution: command.resolution,
        reason: command.reason,
        panelMemberId: command.panelMemberId,
        resolvedOn: context.today,
      },
    },
  ];
}
