// A panel member's vote. Votes of one round (since the last deferral) count towards the
// pathway's quorum; the vote that brings the votes for one outcome to the quorum records the
// decision too, naming every concurring member. Nobody votes twice in a round.
import type { DomainEvent } from '../events';
import { checkPanelMember } from '../panel/panel-membership';
import { SINGLE_MEMBER_PANEL } from '../panel/panel-rule';
import type { DecisionContext } from '../shared/context';
import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import { compact } from '../shared/guards';
import type { ApplicationState } from './application-state';
import type { CastPanelVote } from './credential-commands';
import {
  appliedVersion,
  awaitingDecision,
  checkDecider,
  checkDecisionInput,
  decisionRecorded,
} from './record-credential-decision';

export function decidePanelVote(
  command: CastPanelVote,
  state: ApplicationState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const awaiting = awaitingDecision(state, command.applicationId);
  if (isDomainError(awaiting)) return awaiting;
  const { application, votes, deferrals } = awaiting;
  const rule = appliedVersion(application, command.pathwayVersion, context)?.panel;
  const refusal =
    checkDecider(command.panelMemberId, application, context) ??
    checkPanelMember(context.actor, rule ?? SINGLE_MEMBER_PANEL, command.conflicts) ??
    (votes.some((v) => v.panelMemberId === command.panelMemberId)
      ? domainError(
          'PANEL_MEMBER_ALREADY_VOTED',
          'You have voted in this round; a deferral starts a new one.',
        )
      : undefined) ??
    checkDecisionInput(command, application, context);
  if (refusal) return refusal;

  const vote: DomainEvent = {
    type: 'PanelVoteCast',
    data: compact({
      applicationId: application.applicationId,
      traineeId: application.traineeId,
      panelMemberId: command.panelMemberId,
      institutionId: context.actor.institutionId,
      outcome: command.outcome,
      reasons: command.reasons,
      overrideReason: command.overrideReason,
      ledgerSize: command.ledgerSize,
      evaluationMet: command.evaluation['met'] === true,
      round: deferrals,
      votedOn: context.today,
    }),
  };
  const concurring = [
    ...votes.filter((v) => v.outcome === command.outcome).map((v) => v.panelMemberId),
    command.panelMemberId,
  ];
  const quorum = (rule ?? SINGLE_MEMBER_PANEL).quorum;
  if (concurring.length < quorum) return [vote];
  return [vote, decisionRecorded(command, application, context.today, concurring)];
}
