import { casesAsOf } from '../case-registry/query-cases';
import type { CaseRecord } from '../case-registry/case-fold';
import { CASE_REGISTRY } from '../case-registry/case-registry-projection';
import { parseDocs } from '../runner/document-projection';
import { table } from '../runner/projection';
import { activeTables } from '../runner/projection-versions';
import { projectedSize, type ReadModelContext } from '../read-model-context';
import { InvalidQuery, resolveAsOf } from '../time-travel/as-of';
import {
  auditReport,
  type AuditCheckpoint,
  type AuditReport,
  type AuditScope,
} from './audit-report';
import type { AuditThreshold } from './audit-thresholds';
import { nationalAuditCsv } from './national-audit-csv';

export interface AuditQuery {
  institutionId: string;
  /** Performed period, inclusive, YYYY-MM-DD; open-ended when absent. */
  from?: string;
  to?: string;
  asOf?: string | number;
  /** Compute at exactly this signed checkpoint's tree (its size), and say so in the report. */
  checkpoint?: AuditCheckpoint;
  thresholds?: readonly AuditThreshold[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The registry records and scope an audit reads: at a checkpoint, as of a position, or now. */
async function auditInput(
  ctx: ReadModelContext,
  query: AuditQuery,
): Promise<{ records: Iterable<CaseRecord>; scope: AuditScope }> {
  const from = query.from ?? '0000-01-01';
  const to = query.to ?? '9999-12-31';
  if (!DATE.test(from) || !DATE.test(to))
    throw new InvalidQuery('from and to must be dates (YYYY-MM-DD)');
  const scope = { institutionId: query.institutionId, from, to, thresholds: query.thresholds };
  const at = query.checkpoint?.size ?? query.asOf;
  if (at !== undefined) {
    const ledgerSize = await resolveAsOf(ctx.store, at);
    const records = await casesAsOf(ctx, { institutionId: query.institutionId }, ledgerSize);
    const checkpoint = query.checkpoint?.size === ledgerSize ? query.checkpoint : null;
    return { records: records.values(), scope: { ...scope, ledgerSize, checkpoint } };
  }
  const name = table(activeTables(ctx.db, CASE_REGISTRY), 'case_registry');
  const rows = ctx.db
    .prepare<[string, string, string], { doc: string }>(
      `SELECT doc FROM ${name} WHERE institution_id = ? AND performed_on >= ? AND performed_on <= ? AND retracted = 0`,
    )
    .all(query.institutionId, from, to);
  return {
    records: parseDocs<CaseRecord>(rows),
    scope: { ...scope, ledgerSize: projectedSize(ctx.db, CASE_REGISTRY) },
  };
}

export async function queryAudit(ctx: ReadModelContext, query: AuditQuery): Promise<AuditReport> {
  const { records, scope } = await auditInput(ctx, query);
  return auditReport(records, scope);
}

/** The national-audit style return: one CSV row per procedure. */
export async function queryNationalAudit(
  ctx: ReadModelContext,
  query: AuditQuery,
): Promise<{ ledgerSize: number; csv: string }> {
  const { records, scope } = await auditInput(ctx, query);
  return { ledgerSize: scope.ledgerSize, csv: nationalAuditCsv(records, scope) };
}
