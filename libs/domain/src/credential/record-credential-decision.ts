// A credential decision cites exactly what it stands on (pathway version and hash, ledger size,
// the evaluation itself) so a regulator can replay it. Granting against a failing evaluation is
// allowed, but only with a recorded override reason: the panel's judgement stays visible.
import type { DecisionEvidence, DomainEvent } from '../events';
import type { DecisionContext } from '../shared/context';
import { domainError, type DomainError } from '../shared/domain-error';
import { compact, requireActorIs, requireNonEmpty, requireReason } from '../shared/guards';
import { initialPathwayState, publishedVersion } from '../pathway/pathway-state';
import { CREDENTIAL_OUTCOMES } from '../vocabulary/vocabulary';
import type { ApplicationState } from './application-state';
import type { RecordCredentialDecision } from './credential-commands';

export function decideCredentialDecision(
  command: RecordCredentialDecision,
  state: ApplicationState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  if (state.status === 'not-submitted') {
    return domainError('APPLICATION_NOT_FOUND', `No application '${command.applicationId}'.`);
  }
  if (state.status !== 'awaiting-decision') {
    return domainError(
      'DECISION_ALREADY_RECORDED',
      'This application already has a decision; only a deferral may be followed by another.',
    );
  }
  const { application } = state;
  const { outcome, pathwayVersion, pathwayHash, ledgerSize, evidence, evaluation, overrideReason } =
    command;
  const pathway = context.pathway ?? initialPathwayState();
  const published =
    pathway.status === 'published' && pathway.pathwayId === application.pathwayId
      ? publishedVersion(pathway, pathwayVersion)
      : undefined;
  const met = evaluation['met'];
  const refusal =
    requireActorIs(context.actor, command.panelMemberId, 'panelMemberId') ??
    (command.panelMemberId === application.traineeId
      ? domainError(
          'CANNOT_DECIDE_OWN_APPLICATION',
          'Nobody decides their own credential application.',
        )
      : undefined) ??
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
    checkOverride(outcome === 'granted' && met === false, overrideReason);
  if (refusal) return refusal;

  return [
    {
      type: 'CredentialDecisionRecorded',
      data: compact({
        applicationId: application.applicationId,
        decisionId: command.decisionId,
        traineeId: application.traineeId,
        outcome,
        pathwayId: application.pathwayId,
        pathwayVersion,
        pathwayHash,
        ledgerSize,
        evidence: { leafIndexes: [...evidence.leafIndexes], digest: evidence.digest },
        evaluation,
        reasons: command.reasons,
        overrideReason,
        panelMemberId: command.panelMemberId,
        decidedOn: context.today,
      }),
    },
  ];
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
