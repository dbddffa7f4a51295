import type { OperatorRole, Procedure, SupervisionLevel } from '@inr/domain';
import type { SignOffStatus } from '@inr/domain';
import type { CaseRecord } from './case-fold';

/** Registry filters; the performed period is inclusive on both ends (YYYY-MM-DD). */
export interface CaseRegistryFilter {
  traineeId?: string;
  institutionId?: string;
  supervisorId?: string;
  procedure?: Procedure;
  operatorRole?: OperatorRole;
  supervisionLevel?: SupervisionLevel;
  signOff?: SignOffStatus;
  performedFrom?: string;
  performedTo?: string;
  /** Retracted cases are hidden unless asked for. */
  includeRetracted?: boolean;
}

export function matchesCase(record: CaseRecord, filter: CaseRegistryFilter): boolean {
  return (
    (filter.includeRetracted === true || !record.retracted) &&
    (filter.traineeId === undefined || record.traineeId === filter.traineeId) &&
    (filter.institutionId === undefined || record.institutionId === filter.institutionId) &&
    (filter.supervisorId === undefined || record.supervisorId === filter.supervisorId) &&
    (filter.procedure === undefined || record.procedure === filter.procedure) &&
    (filter.operatorRole === undefined || record.operatorRole === filter.operatorRole) &&
    (filter.supervisionLevel === undefined ||
      record.supervisionLevel === filter.supervisionLevel) &&
    (filter.signOff === undefined || record.signOff === filter.signOff) &&
    (filter.performedFrom === undefined || record.performedOn >= filter.performedFrom) &&
    (filter.performedTo === undefined || record.performedOn <= filter.performedTo)
  );
}

/** The same filter as SQL over the registry's columns (kept next to matchesCase so they agree). */
export function caseFilterSql(filter: CaseRegistryFilter): {
  where: string;
  params: (string | number)[];
} {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const eq = (column: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  if (filter.includeRetracted !== true) clauses.push('retracted = 0');
  eq('trainee_id', filter.traineeId);
  eq('institution_id', filter.institutionId);
  eq('supervisor_id', filter.supervisorId);
  eq('procedure', filter.procedure);
  eq('operator_role', filter.operatorRole);
  eq('supervision_level', filter.supervisionLevel);
  eq('sign_off', filter.signOff);
  if (filter.performedFrom !== undefined) {
    clauses.push('performed_on >= ?');
    params.push(filter.performedFrom);
  }
  if (filter.performedTo !== undefined) {
    clauses.push('performed_on <= ?');
    params.push(filter.performedTo);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Registry order: by performed date, then logging order. */
export function compareCases(a: CaseRecord, b: CaseRecord): number {
  return a.performedOn < b.performedOn
    ? -1
    : a.performedOn > b.performedOn
      ? 1
      : a.loggedPosition - b.loggedPosition;
}
