// A credential decision cites exactly what it stands on (pathway version and hash, ledger size,
// the evaluation itself) so a regulator can replay it. Granting against a failing evaluation is
// allowed, but only with a recorded override reason: the panel's judgement stays visible.
import type { DecisionEvidence, DomainEvent } from '../events';
import { checkPanelMember } from '../panel/panel-membership';
import { SINGLE_MEMBER_PANEL } from '../panel/panel-rule';
import type { DecisionContext } from '../shared/context';
import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import { compact, requireActorIs, requireNonEmpty, requireReason } from '../shared/guards';
import {
  initialPathwayState,
  publishedVersion,
  type PublishedVersion,
} from '../pathway/pathway-state';
import { CREDENTIAL_OUTCOMES } from '../vocabulary/vocabulary';
import type { Application, ApplicationState } from './application-state';
import type { RecordCredentialDecision } from './credential-commands';

/** What a decision and a vote both carry: the server's evaluation and the member's verdict. */
export type DecisionInput = Omit<RecordCredentialDecision, 'type' | 'applicationId' | 'conflicts'>;

/** The application, while a decision is due; otherwise the refusal. */
export function awaitingDecision(
  state: ApplicationState,
  applicationId: string,
): Extract<ApplicationState, { status: 'awaiting-decision' }> | DomainError {
  if (state.status === 'not-submitted')
    return domainError('APPLICATION_NOT_FOUND', `No application '${applicationId}'.`);
  if (state.status !== 'awaiting-decision')
    return domainError(
      'DECISION_ALREADY_RECORDED',
      'This application already has a decision; only a deferral may be followed by another.',
    );
  return state;
}

/** The pathway version applied for, as published, when the decision cites it. */
export function appliedVersion(
  application: Application,
  pathwayVersion: string,
  context: DecisionContext,
): PublishedVersion | undefined {
  const pathway = context.pathway ?? initialPathwayState();
  return pathway.status === 'published' && pathway.pathwayId === application.pathwayId
    ? publishedVersion(pathway, pathwayVersion)
    : undefined;
}

/** The member acting is the authenticated one, and not the applicant. */
export function checkDecider(
  panelMemberId: string,
  application: Application,
  context: DecisionContext,
): DomainError | undefined {
  return (
    requireActorIs(context.actor, panelMemberId, 'panelMemberId') ??
    (panelMemberId === application.traineeId
      ? domainError(
          'CANNOT_DECIDE_OWN_APPLICATION',
          'Nobody decides their own credential application.',
        )
      : undefined)
  );
}

/** Every rule about what a decision (or a vote) cites and says. */
export function checkDecisionInput(
  command: DecisionInput,
  application: Application,
  context: DecisionContext,
): DomainError | undefined {
  const { outcome, pathwayVersion, pathwayHash, ledgerSize, evidence, evaluation, overrideReason } =
    command;
  const published = appliedVersion(application, pathwayVersion, context);
  const met = evaluation['met'];
  return (
    requireNonEmpty(command.decisionId, 'decisionId') ??
    (CREDENTIAL_OUTCOMES.includes(outcome)
      ? undefined
      : domainError(
          'INVALID_VALUE',
          `'outcome' must be one of ${CREDENTIAL_OUTCOMES.join(', ')}.`,
        )) ??
    (pathwayVersion === application.pathwayVersion
      ? undefined
      : domainError(
          'DECISION_PATHWAY_MISMATCH',
          `The application was made against version ${application.pathwayVersion}, not ${pathwayVersion}.`,
        )) ??
    (published === undefined
      ? domainError(
          'PATHWAY_VERSION_NOT_PUBLISHED',
          `Pathway version ${pathwayVersion} is not published.`,
        )
      : published.contentHash !== pathwayHash
        ? domainError(
            'PATHWAY_HASH_MISMATCH',
            "'pathwayHash' is not the published hash of that version.",
          )
        : undefined) ??
    (Number.isInteger(ledgerSize) && ledgerSize > 0
      ? undefined
      : domainError('INVALID_LEDGER_SIZE', "'ledgerSize' must be a positive whole number.")) ??
    checkEvidence(evidence, ledgerSize) ??
    (typeof met === 'boolean'
      ? undefined
      : domainError('EVALUATION_MALFORMED', "'evaluation' must carry a boolean 'met'.")) ??
    requireReason(command.reasons, 'reasons') ??
    checkOverride(outcome === 'granted' && met === false, overrideReason)
  );
}

/** The decision event; `concurringMemberIds` when a panel's quorum reached it. */
export function decisionRecorded(
  command: DecisionInput,
  application: Application,
  today: string,
  concurringMemberIds?: string[],
): DomainEvent {
  const { evidence } = command;
  return {
    type: 'CredentialDecisionRecorded',
    data: compact({
      applicationId: application.applicationId,
      decisionId: command.decisionId,
      traineeId: application.traineeId,
      outcome: command.outcome,
      pathwayId: application.pathwayId,
      pathwayVersion: command.pathwayVersion,
      pathwayHash: command.pathwayHash,
      ledgerSize: command.ledgerSize,
      evidence: { leafIndexes: [...evidence.leafIndexes], digest: evidence.digest },
      evaluation: command.evaluation,
      reasons: command.reasons,
      overrideReason: command.overrideReason,
      panelMemberId: command.panelMemberId,
      concurringMemberIds,
      decidedOn: today,
    }),
  };
}

/**
 * A single member's decision: allowed where the pathway's quorum is one (a pathway without a
 * panel section), with the recusals every panel has.
 */
export function decideCredentialDecision(
  command: RecordCredentialDecision,
  state: ApplicationState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const awaiting = awaitingDecision(state, command.applicationId);
  if (isDomainError(awaiting)) return awaiting;
  const { application } = awaiting;
  const rule = appliedVersion(application, command.pathwayVersion, context)?.panel;
  const refusal =
    checkDecider(command.panelMemberId, application, context) ??
    (rule && rule.quorum > 1
      ? domainError(
          'PANEL_VOTES_REQUIRED',
          `This pathway needs ${rule.quorum} panel members to concur: each votes (POST .../votes).`,
        )
      : undefined) ??
    checkPanelMember(context.actor, rule ?? SINGLE_MEMBER_PANEL, command.conflicts) ??
    checkDecisionInput(command, application, context);
  return refusal ?? [decisionRecorded(command, application, context.today)];
}

/** The commitment's shape (docs/ledger-format.md §8.2): ascending leaf indexes below the size, a hex digest. */
function checkEvidence(evidence: DecisionEvidence, ledgerSize: number): DomainError | undefined {
  const indexes: unknown = evidence?.leafIndexes;
  const ascending =
    Array.isArray(indexes) &&
    indexes.every(
      (i: unknown, k) =>
        Number.isSafeInteger(i) &&
        (i as number) >= 0 &&
        (i as number) < ledgerSize &&
        (k === 0 || (i as number) > (indexes[k - 1] as number)),
    );
  return ascending && typeof evidence.digest === 'string' && /^[0-9a-f]{64}$/.test(evidence.digest)
    ? undefined
    : domainError(
        'EVIDENCE_MALFORMED',
        "'evidence' must list ascending leaf indexes below ledgerSize and a 64-digit hex digest.",
      );
}

/** An override reason is needed exactly when granting against an unmet evaluation. */
function checkOverride(
  overriding: boolean,
  overrideReason: string | undefined,
): DomainError | undefined {
  if (overriding) {
    return requireReason(overrideReason, 'overrideReason') === undefined
      ? undefined
      : domainError(
          'OVERRIDE_REASON_REQUIRED',
          'Granting a credential whose requirements are not met needs an override reason.',
        );
  }
  return overrideReason === undefined
    ? undefined
    : domainError(
        'OVERRIDE_NOT_APPLICABLE',
        'An override reason belongs only to a grant against an unmet evaluation; put other reasoning in reasons.',
      );
}
