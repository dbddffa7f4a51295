import {
  OPERATING_ROLES,
  mergeOutcome,
  type OperatorRole,
  type ProcedureOutcome,
  type Procedure,
} from '@inr/domain';
import type { CaseRecord, RecordedOutcome } from '../case-registry/case-fold';

/** One procedure, however many people logged it. */
export interface AuditProcedure {
  procedureRef: string;
  procedure: Procedure;
  /** YYYY-MM-DD, from the procedure's record (or its first log when only observers logged it). */
  performedOn: string;
  /** The operating team's record: the primary operator's log, else an assistant's. */
  record: CaseRecord | undefined;
  /** Every log of it in the audit's scope, observers' included, in logged order. */
  logs: CaseRecord[];
  /** Trainees who operated (primary or assistant), in logged order. */
  operators: string[];
  /** Follow-ups recorded against any of its logs, merged in ledger order. */
  outcome: ProcedureOutcome;
}

export interface AuditScopeFilter {
  institutionId: string;
  from: string;
  to: string;
}

/** The logs an audit covers: the institution's, performed in the period, not retracted. */
export function inAuditScope(record: CaseRecord, scope: AuditScopeFilter): boolean {
  return (
    !record.retracted &&
    record.institutionId === scope.institutionId &&
    record.performedOn >= scope.from &&
    record.performedOn <= scope.to
  );
}

const RANK = new Map<OperatorRole, number>(OPERATING_ROLES.map((role, i) => [role, i]));

/**
 * Groups logs by procedure reference. The procedure's record is the highest-ranked operating
 * log (independent primary, supervised primary, assistant; the earliest logged on a tie), so
 * outcome rates never come from an observer; a procedure only observers logged has no record.
 */
export function auditProcedures(
  records: Iterable<CaseRecord>,
  scope: AuditScopeFilter,
): AuditProcedure[] {
  const groups = new Map<string, CaseRecord[]>();
  for (const record of records) {
    if (!inAuditScope(record, scope)) continue;
    const group = groups.get(record.procedureRef);
    if (group === undefined) groups.set(record.procedureRef, [record]);
    else group.push(record);
  }
  const procedures: AuditProcedure[] = [];
  for (const [procedureRef, logs] of groups) {
    logs.sort((a, b) => a.loggedPosition - b.loggedPosition);
    let record: CaseRecord | undefined;
    for (const log of logs) {
      const rank = RANK.get(log.operatorRole);
      if (rank !== undefined && (record === undefined || rank < RANK.get(record.operatorRole)!))
        record = log;
    }
    const first = record ?? logs[0]!;
    const outcomes: RecordedOutcome[] = logs.flatMap((l) => l.outcomes ?? []);
    outcomes.sort((a, b) => a.position - b.position);
    procedures.push({
      procedureRef,
      procedure: first.procedure,
      performedOn: first.performedOn,
      record,
      logs,
      operators: [...new Set(logs.filter((l) => RANK.has(l.operatorRole)).map((l) => l.traineeId))],
      outcome: outcomes.reduce<ProcedureOutcome>((o, r) => mergeOutcome(o, r.outcome), {}),
    });
  }
  return procedures.sort(
    (a, b) =>
      a.performedOn.localeCompare(b.performedOn) ||
      a.logs[0]!.loggedPosition - b.logs[0]!.loggedPosition,
  );
}
