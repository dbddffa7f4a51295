import { indexKey } from '../event-index/event-index-projection';
import type { LedgerEvent } from '../events/ledger-event';
import { caseFold, type CaseRecord } from '../case-registry/case-fold';
import type { ReadModelContext } from '../read-model-context';
import { foldDocuments } from '../runner/keyed-fold';
import { auditReport, type AuditReport, type AuditScope } from './audit-report';
import type { AuditScopeFilter } from './audit-procedures';

/** A case the audit reads, retracted or not: the institution's, performed in the period. */
function inPeriod(record: CaseRecord, scope: AuditScopeFilter): boolean {
  return (
    record.institutionId === scope.institutionId &&
    record.performedOn >= scope.from &&
    record.performedOn <= scope.to
  );
}

/**
 * Every event an audit of the scope stands on at `ledgerSize`: each event of each case that,
 * as it stood then, belonged to the institution and period (retracted ones too, so a reader
 * sees why they do not count). An audit bundle carries exactly these.
 */
export async function auditEvidence(
  ctx: ReadModelContext,
  scope: AuditScopeFilter,
  ledgerSize: number,
): Promise<LedgerEvent[]> {
  const events = (
    await ctx.index.events([indexKey.institution(scope.institutionId)], ledgerSize)
  ).filter((e) => caseFold.keyOf(e) !== undefined);
  const records = foldDocuments(caseFold, events);
  return events.filter((e) => {
    const record = records.get(caseFold.keyOf(e)!);
    return record !== undefined && inPeriod(record, scope);
  });
}

/** The audit recomputed from its events alone: what `inr-ledger verify` does with a bundle. */
export function auditFromEvents(events: Iterable<LedgerEvent>, scope: AuditScope): AuditReport {
  return auditReport(foldDocuments(caseFold, events).values(), scope);
}
