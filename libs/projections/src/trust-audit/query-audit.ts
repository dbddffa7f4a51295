import { casesAsOf } from '../case-registry/query-cases';
import type { CaseRecord } from '../case-registry/case-fold';
import { CASE_REGISTRY } from '../case-registry/case-registry-projection';
import { parseDocs } from '../runner/document-projection';
import { table } from '../runner/projection';
import { activeTables } from '../runner/projection-versions';
import { projectedSize, type ReadModelContext } from '../read-model-context';
import { InvalidQuery, resolveAsOf } from '../time-travel/as-of';
import { auditReport, type AuditReport } from './audit-report';
import type { AuditThreshold } from './audit-thresholds';

export interface AuditQuery {
  institutionId: string;
  /** Performed period, inclusive, YYYY-MM-DD; open-ended when absent. */
  from?: string;
  to?: string;
  asOf?: string | number;
  thresholds?: readonly AuditThreshold[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function queryAudit(ctx: ReadModelContext, query: AuditQuery): Promise<AuditReport> {
  const from = query.from ?? '0000-01-01';
  const to = query.to ?? '9999-12-31';
  if (!DATE.test(from) || !DATE.test(to))
    throw new InvalidQuery('from and to must be dates (YYYY-MM-DD)');
  const scope = { institutionId: query.institutionId, from, to, thresholds: query.thresholds };
  if (query.asOf !== undefined) {
    const ledgerSize = await resolveAsOf(ctx.store, query.asOf);
    const records = await casesAsOf(ctx, { institutionId: query.institutionId }, ledgerSize);
    return auditReport(records.values(), { ...scope, ledgerSize });
  }
  const name = table(activeTables(ctx.db, CASE_REGISTRY), 'case_registry');
  const rows = ctx.db
    .prepare<[string, string, string], { doc: string }>(
      `SELECT doc FROM ${name} WHERE institution_id = ? AND performed_on >= ? AND performed_on <= ? AND retracted = 0`,
    )
    .all(query.institutionId, from, to);
  return auditReport(parseDocs<CaseRecord>(rows), {
    ...scope,
    ledgerSize: projectedSize(ctx.db, CASE_REGISTRY),
  });
}
