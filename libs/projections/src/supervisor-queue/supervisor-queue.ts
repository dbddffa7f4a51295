import { caseFilterSql } from '../case-registry/case-filter';
import type { CaseRecord } from '../case-registry/case-fold';
import { CASE_REGISTRY } from '../case-registry/case-registry-projection';
import { parseDocs } from '../runner/document-projection';
import { table } from '../runner/projection';
import { activeTables } from '../runner/projection-versions';
import { projectedSize, type ReadModelContext } from '../read-model-context';

export interface QueueItem {
  kind: 'case';
  caseId: string;
  traineeId: string;
  institutionId: string;
  procedure: CaseRecord['procedure'];
  performedOn: string;
  /** 'awaiting' a first sign-off or 'withdrawn' (amended after sign-off, to sign again). */
  signOff: CaseRecord['signOff'];
  waitingSince: string;
}

export interface SupervisorQueue {
  supervisorId: string;
  ledgerSize: number;
  items: QueueItem[];
}

/**
 * What waits for a supervisor's sign-off, oldest first. Disputed cases are not here: they
 * wait for the trainee's amendment, which puts them back in the queue.
 */
export function supervisorQueue(
  ctx: ReadModelContext,
  supervisorId: string,
  limit = 500,
): SupervisorQueue {
  const name = table(activeTables(ctx.db, CASE_REGISTRY), 'case_registry');
  const { where, params } = caseFilterSql({ supervisorId });
  const rows = ctx.db
    .prepare<unknown[], { doc: string }>(
      `SELECT doc FROM ${name} ${where} AND sign_off IN ('awaiting', 'withdrawn')
       ORDER BY awaiting_since, logged_position LIMIT ?`,
    )
    .all(...params, limit);
  const items = parseDocs<CaseRecord>(rows).map((c): QueueItem => ({
    kind: 'case',
    caseId: c.caseId,
    traineeId: c.traineeId,
    institutionId: c.institutionId,
    procedure: c.procedure,
    performedOn: c.performedOn,
    signOff: c.signOff,
    waitingSince: c.awaitingSince ?? c.loggedAt,
  }));
  return { supervisorId, ledgerSize: projectedSize(ctx.db, CASE_REGISTRY), items };
}
