import { diffEvaluations, evaluate, type Evaluation, type EvaluationDiff } from '@inr/policy';
import { applicationDoc } from '../applications/applications-projection';
import { flagsOnDecision, type FlagOnDecision } from '../applications/review-flags';
import { knownPathways, pickPathway } from '../policy/pathway-resolver';
import type { ReadModelContext } from '../read-model-context';
import { traineeHistory } from '../trainee-status/trainee-status';
import { findDecision } from './find-decision';

export type ReplayUnder = 'recorded' | 'latest';

export interface DecisionReplay {
  decisionId: string;
  traineeId: string;
  under: ReplayUnder;
  /** The ledger size and pathway version the replay used. */
  ledgerSize: number;
  pathwayId: string;
  pathwayVersion: string;
  /** Whether the replayed pathway's content hash equals the recorded one (null: not published in the ledger). */
  pathwayHashMatches: boolean | null;
  evaluatedOn: string;
  /** True when the replayed evaluation serialises to exactly the recorded bytes. */
  identical: boolean;
  diff: EvaluationDiff;
  recorded: Evaluation;
  replayed: Evaluation;
  /**
   * Review flags on the decision and what each changes: never the recorded evaluation or the
   * credential's status; per requirement, what would count without the flagged evidence.
   */
  reviewFlags: FlagOnDecision[];
}

export class PathwayUnavailable extends Error {
  readonly code = 'pathway-unavailable';
}

/**
 * under=recorded: fold the trainee's history below the decision's ledger size and re-run the
 * recorded pathway version on the decision day; the answer must be the recorded bytes.
 * under=latest: the latest pathway version on today's full history, to show what changed since.
 */
export async function replayDecision(
  ctx: ReadModelContext,
  decisionId: string,
  under: ReplayUnder = 'recorded',
  today: string = new Date().toISOString().slice(0, 10),
): Promise<DecisionReplay | undefined> {
  const found = await findDecision(ctx, decisionId);
  if (!found) return undefined;
  const { decision } = found;
  const recorded = decision.evaluation as unknown as Evaluation;
  const head = await ctx.store.count();
  const ledgerSize = under === 'recorded' ? Math.min(decision.ledgerSize, head) : head;
  // Pathways: what the ledger held when the decision was recorded, or now for `latest`.
  const known = await knownPathways(ctx, under === 'recorded' ? found.event.position : head);
  const resolved =
    under === 'recorded'
      ? pickPathway(known, decision.pathwayId, decision.pathwayVersion)
      : pickPathway(known, decision.pathwayId);
  if (!resolved)
    throw new PathwayUnavailable(
      `pathway ${decision.pathwayId}@${decision.pathwayVersion} is neither published nor shipped`,
    );
  const evaluatedOn = under === 'recorded' ? decision.decidedOn : today;
  const history = await traineeHistory(ctx, decision.traineeId, ledgerSize);
  const performedBy =
    under === 'recorded' && recorded.performedBy !== recorded.evaluatedOn
      ? recorded.performedBy
      : undefined;
  const replayed = evaluate(resolved.pathway, decision.traineeId, history, {
    evaluatedOn,
    ...(typeof performedBy === 'string' ? { performedBy } : {}),
  });
  return {
    decisionId,
    traineeId: decision.traineeId,
    under,
    ledgerSize,
    pathwayId: resolved.pathway.id,
    pathwayVersion: resolved.pathway.version,
    pathwayHashMatches:
      resolved.contentHash === null ? null : resolved.contentHash === decision.pathwayHash,
    evaluatedOn,
    identical: JSON.stringify(recorded) === JSON.stringify(replayed),
    diff: diffEvaluations(recorded, replayed),
    recorded,
    replayed,
    reviewFlags: flagsOnDecision(
      applicationDoc(ctx, decision.applicationId)?.flags ?? [],
      decisionId,
      recorded,
    ),
  };
}
