import type { RecordCredentialDecision } from '@inr/domain';
import type { CommandRequest } from '../../commands/command-request';
import type { ApplicationEvaluation } from './evaluate-application';
import type { RecordDecisionDto } from './record-decision.dto';

/**
 * What a decision and a vote both carry: the server's evaluation and the member's verdict. The
 * panel member supplies only the outcome and reasons; the server the rest.
 */
export function decisionFields(
  applicationId: string,
  decisionId: string,
  evaluated: ApplicationEvaluation,
  body: RecordDecisionDto,
  meta: CommandRequest,
): Omit<RecordCredentialDecision, 'type'> {
  return {
    applicationId,
    decisionId,
    outcome: body.outcome,
    pathwayVersion: evaluated.pathwayVersion,
    pathwayHash: evaluated.pathwayHash,
    ledgerSize: evaluated.ledgerSize,
    evidence: evaluated.evidence,
    evaluation: evaluated.evaluation,
    reasons: body.reasons,
    ...(body.overrideReason ? { overrideReason: body.overrideReason } : {}),
    panelMemberId: meta.actor.subject,
    conflicts: evaluated.conflicts,
  };
}
