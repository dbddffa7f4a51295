import { evaluate, type Evaluation, type PanelDocument } from '@inr/policy';
import { knownPathways, pickPathway } from '../policy/pathway-resolver';
import type { ReadModelContext } from '../read-model-context';
import { traineeHistory } from '../trainee-status/trainee-status';
import { traineeInstitution } from '../workforce/workforce-summary';
import type { ApplicationDoc } from './application-fold';
import { applicationDoc } from './applications-projection';

export interface ApplicationView extends ApplicationDoc {
  /** The trainee's current institution; null when the ledger knows none. */
  institutionId: string | null;
  /** The pathway version's panel section; absent in the document: one member decides. */
  panel: Required<PanelDocument>;
  /** How many more concurring votes the leading outcome of this round needs (0 once decided). */
  votesToQuorum: number;
  /** The evaluation as the ledger stands (what a decision now would record), null if the pathway is unknown. */
  evaluation: Evaluation | null;
  ledgerSize: number;
  evaluatedOn: string;
}

/** An application with its current evaluation, run on the trainee's history as it stands now. */
export async function applicationView(
  ctx: ReadModelContext,
  applicationId: string,
  today: string,
): Promise<ApplicationView | undefined> {
  const doc = applicationDoc(ctx, applicationId);
  if (!doc) return undefined;
  const head = await ctx.store.count();
  const resolved = pickPathway(await knownPathways(ctx, head), doc.pathwayId, doc.pathwayVersion);
  const panel = {
    quorum: resolved?.pathway.panel?.quorum ?? 1,
    excludeTraineeInstitutions: resolved?.pathway.panel?.excludeTraineeInstitutions ?? false,
  };
  const evaluation = resolved
    ? evaluate(resolved.pathway, doc.traineeId, await traineeHistory(ctx, doc.traineeId, head), {
        evaluatedOn: today,
      })
    : null;
  const counts = new Map<string, number>();
  for (const vote of doc.votes) counts.set(vote.outcome, (counts.get(vote.outcome) ?? 0) + 1);
  const leading = Math.max(0, ...counts.values());
  return {
    ...doc,
    institutionId: traineeInstitution(ctx, doc.traineeId) ?? null,
    panel,
    votesToQuorum: doc.status === 'awaiting-decision' ? panel.quorum - leading : 0,
    evaluation,
    ledgerSize: head,
    evaluatedOn: today,
  };
}
