import { DOMAIN_RULES_VERSION } from '@inr/domain';
import {
  evaluate,
  evidenceUnderOlderRules,
  type EvidenceUnderOlderRule,
  type Evaluation,
} from '@inr/policy';
import { indexKey } from '../event-index/event-index-projection';
import { str, type LedgerEvent } from '../events/ledger-event';
import { knownPathways, pickPathway } from '../policy/pathway-resolver';
import type { ReadModelContext } from '../read-model-context';
import { InvalidQuery, resolveAsOf } from '../time-travel/as-of';

export interface TraineeStatusQuery {
  traineeId: string;
  /** Ledger position or ISO recorded time: "what did the ledger say then?" */
  asOf?: string | number;
  /** YYYY-MM-DD: "what had the trainee done by then?" (procedures performed later are left out). */
  performedBy?: string;
  /** Evaluation day when asOf is absent; defaults to today (UTC). */
  today?: string;
}

/** How a trainee stands against one pathway (not the pathway document's own status, PathwayStatus). */
export type PathwayProgress =
  | {
      pathwayId: string;
      pathwayVersion: string;
      source: 'ledger' | 'catalogue';
      evaluation: Evaluation;
    }
  | { pathwayId: string; pathwayVersion: null; source: null; error: 'unknown-pathway' };

/** Evidence accepted under an older rule, with the requirements that counted it. */
export type FlaggedEvidence = EvidenceUnderOlderRule & {
  countedBy: { pathwayId: string; requirementId: string }[];
};

export interface TraineeStatus {
  traineeId: string;
  ledgerSize: number;
  evaluatedOn: string;
  pathways: PathwayProgress[];
  /** The rules version the ledger applies today (docs/domain.md). */
  rulesVersion: number;
  /** Standing evidence today's rules would refuse; it still counts (docs/domain.md). */
  evidenceUnderOlderRules: FlaggedEvidence[];
}

/** The trainee's ledger history below a size, through the per-trainee event index. */
export function traineeHistory(
  ctx: ReadModelContext,
  traineeId: string,
  below: number,
): Promise<LedgerEvent[]> {
  return ctx.index.events([indexKey.trainee(traineeId)], below);
}

/** The pathways a trainee is on: those named at enrolment, then those applied for, first seen first. */
export function pathwaysOf(history: readonly LedgerEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of history) {
    if (event.type === 'TraineeEnrolled') {
      const list = event.data['pathwayIds'];
      if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') ids.add(id);
    }
    if (event.type === 'CredentialApplicationSubmitted') {
      const id = str(event.data, 'pathwayId');
      if (id !== undefined) ids.add(id);
    }
  }
  return [...ids];
}

/**
 * Evaluates each pathway the trainee is on (latest version known at `asOf`) over their history
 * before `asOf`. The evaluation day is the asOf time's day (or, for a position, the day its last
 * event was recorded), so rolling windows end there.
 * Returns null for a trainee the ledger does not know (at that point).
 */
export async function traineeStatus(
  ctx: ReadModelContext,
  query: TraineeStatusQuery,
): Promise<TraineeStatus | null> {
  if (query.performedBy !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(query.performedBy))
    throw new InvalidQuery(`performedBy must be a date (YYYY-MM-DD), got ${query.performedBy}`);
  const ledgerSize = await resolveAsOf(ctx.store, query.asOf);
  const history = await traineeHistory(ctx, query.traineeId, ledgerSize);
  if (!history.some((event) => event.type === 'TraineeEnrolled')) return null;
  const evaluatedOn =
    query.asOf === undefined
      ? (query.today ?? new Date().toISOString().slice(0, 10))
      : typeof query.asOf === 'string' && !/^\d+$/.test(query.asOf)
        ? new Date(Date.parse(query.asOf)).toISOString().slice(0, 10)
        : await dayOf(ctx, ledgerSize);
  const known = await knownPathways(ctx, ledgerSize);
  const pathways = pathwaysOf(history).map((pathwayId): PathwayProgress => {
    const resolved = pickPathway(known, pathwayId);
    if (!resolved)
      return { pathwayId, pathwayVersion: null, source: null, error: 'unknown-pathway' };
    const evaluation = evaluate(resolved.pathway, query.traineeId, history, {
      evaluatedOn,
      ...(query.performedBy !== undefined ? { performedBy: query.performedBy } : {}),
    });
    return {
      pathwayId,
      pathwayVersion: resolved.pathway.version,
      source: resolved.source,
      evaluation,
    };
  });
  return {
    traineeId: query.traineeId,
    ledgerSize,
    evaluatedOn,
    pathways,
    rulesVersion: DOMAIN_RULES_VERSION,
    evidenceUnderOlderRules: flagged(query.traineeId, history, pathways),
  };
}

function flagged(
  traineeId: string,
  history: readonly LedgerEvent[],
  pathways: readonly PathwayProgress[],
): FlaggedEvidence[] {
  return evidenceUnderOlderRules(traineeId, history).map((item) => ({
    ...item,
    countedBy: pathways.flatMap((p) =>
      'evaluation' in p
        ? p.evaluation.requirements
            .filter((r) => r.countedEventIds.includes(item.eventId))
            .map((r) => ({ pathwayId: p.pathwayId, requirementId: r.id }))
        : [],
    ),
  }));
}

/** The recorded day of the last event below a ledger size (the day the ledger stood so). */
async function dayOf(ctx: ReadModelContext, ledgerSize: number): Promise<string> {
  if (ledgerSize === 0) return new Date().toISOString().slice(0, 10);
  const [last] = await ctx.store.readAll({ fromPosition: ledgerSize - 1, maxCount: 1 });
  return (last?.recordedAt ?? new Date().toISOString()).slice(0, 10);
}
