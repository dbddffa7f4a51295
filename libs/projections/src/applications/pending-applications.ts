import { daysBetween } from '@inr/domain';
import { projectedSize, type ReadModelContext } from '../read-model-context';
import { traineeInstitution } from '../workforce/workforce-summary';
import type { ApplicationDoc } from './application-fold';
import { APPLICATIONS, selectApplications } from './applications-projection';

export interface ApplicationQuery {
  pathwayId?: string;
  /** The trainee's current institution. */
  institutionId?: string;
  traineeId?: string;
  /** Days since submission, inclusive bounds. */
  minAgeDays?: number;
  maxAgeDays?: number;
  /** The day ages are counted to (YYYY-MM-DD). */
  today: string;
  limit?: number;
  offset?: number;
}

export interface PendingApplication {
  applicationId: string;
  traineeId: string;
  /** The trainee's current institution; null when the ledger knows none. */
  institutionId: string | null;
  pathwayId: string;
  pathwayVersion: string;
  submittedOn: string;
  ageDays: number;
  deferrals: number;
  /** The current round's votes (who, which outcome). */
  votes: { panelMemberId: string; outcome: string; votedOn: string }[];
}

export interface ApplicationPage {
  ledgerSize: number;
  total: number;
  limit: number;
  offset: number;
  applications: PendingApplication[];
}

/**
 * Applications awaiting a decision (submitted, or deferred), oldest first. The pending set is
 * a panel's workload, small beside the ledger, so the institution and age filters run on it
 * after the status and pathway ones in SQL.
 */
export function pendingApplications(
  ctx: ReadModelContext,
  query: ApplicationQuery,
): ApplicationPage {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const offset = Math.max(query.offset ?? 0, 0);
  const where = ["status = 'awaiting-decision'"];
  const params: string[] = [];
  if (query.pathwayId !== undefined) {
    where.push('pathway_id = ?');
    params.push(query.pathwayId);
  }
  const matching = selectApplications(ctx, where.join(' AND '), params)
    .map((doc) => summarise(ctx, doc, query.today))
    .filter(
      (a) =>
        (query.traineeId === undefined || a.traineeId === query.traineeId) &&
        (query.institutionId === undefined || a.institutionId === query.institutionId) &&
        (query.minAgeDays === undefined || a.ageDays >= query.minAgeDays) &&
        (query.maxAgeDays === undefined || a.ageDays <= query.maxAgeDays),
    );
  return {
    ledgerSize: projectedSize(ctx.db, APPLICATIONS),
    total: matching.length,
    limit,
    offset,
    applications: matching.slice(offset, offset + limit),
  };
}

function summarise(ctx: ReadModelContext, doc: ApplicationDoc, today: string): PendingApplication {
  return {
    applicationId: doc.applicationId,
    traineeId: doc.traineeId,
    institutionId: traineeInstitution(ctx, doc.traineeId) ?? null,
    pathwayId: doc.pathwayId,
    pathwayVersion: doc.pathwayVersion,
    submittedOn: doc.submittedOn,
    ageDays: Math.max(0, daysBetween(doc.submittedOn, today)),
    deferrals: doc.deferrals,
    votes: doc.votes.map(({ panelMemberId, outcome, votedOn }) => ({
      panelMemberId,
      outcome,
      votedOn,
    })),
  };
}
