import { OPERATOR_ROLES, PROCEDURES, SUPERVISION_LEVELS, type Procedure } from '@inr/domain';
import type { CaseRecord } from '../case-registry/case-fold';
import {
  middle,
  procedureFigures,
  rate,
  tally,
  type AuditUnit,
  type Figure,
} from './audit-figures';
import { auditProcedures, type AuditProcedure } from './audit-procedures';
import { DAY_MS } from './audit-stats';
import {
  DEFAULT_AUDIT_THRESHOLDS,
  formatThreshold,
  meets,
  type AuditThreshold,
} from './audit-thresholds';

export { inAuditScope } from './audit-procedures';

export const AUDIT_REPORT_FORMAT = 'inr-ledger-audit/v2';

export type AuditStatus = 'met' | 'not-met' | 'no-data' | 'n/a';

/** One figure of one procedure kind, judged against its threshold where one applies. */
export interface AuditRow {
  procedure: Procedure;
  metric: string;
  unit: AuditUnit;
  count: number;
  denominator: number | null;
  value: number | null;
  threshold: string;
  status: AuditStatus;
}

export type AuditDimension = 'month' | 'operator' | 'supervisor';

/** A figure of one month, one operator or one supervisor: a point of a chart. */
export interface AuditSeriesRow extends AuditRow {
  dimension: AuditDimension;
  key: string;
}

/** The signed checkpoint an audit was computed at: its figures cover exactly that tree. */
export interface AuditCheckpoint {
  origin: string;
  size: number;
  /** Base64 root hash, as in the checkpoint note. */
  rootHash: string;
}

export interface AuditReport {
  format: typeof AUDIT_REPORT_FORMAT;
  institutionId: string;
  /** Performed period, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Events below this position were read. */
  ledgerSize: number;
  /** The signed checkpoint of that size, or null when the ledger has not signed one there. */
  checkpoint: AuditCheckpoint | null;
  rows: AuditRow[];
  series: AuditSeriesRow[];
}

export interface AuditScope {
  institutionId: string;
  from: string;
  to: string;
  ledgerSize: number;
  checkpoint?: AuditCheckpoint | null;
  thresholds?: readonly AuditThreshold[];
}

/**
 * A pure function of registry records, so the live, the as-of and an outside reviewer's
 * recomputation from an audit bundle cannot differ. Procedures count once; outcome rates come
 * from each procedure's operating record (docs/audit.md).
 */
export function auditReport(records: Iterable<CaseRecord>, scope: AuditScope): AuditReport {
  const thresholds = scope.thresholds ?? DEFAULT_AUDIT_THRESHOLDS;
  const judge = (procedure: Procedure, f: Figure): AuditRow => {
    const threshold = thresholds.find((t) => t.procedure === procedure && t.metric === f.metric);
    const status: AuditStatus =
      f.value === null
        ? 'no-data'
        : !threshold
          ? 'n/a'
          : meets(threshold, f.value)
            ? 'met'
            : 'not-met';
    return { procedure, ...f, threshold: formatThreshold(threshold), status };
  };
  const procedures = auditProcedures(records, scope);
  const rows: AuditRow[] = [];
  for (const procedure of PROCEDURES) {
    const mine = procedures.filter((p) => p.procedure === procedure);
    for (const f of [...logFigures(mine), ...procedureFigures(procedure, mine)])
      rows.push(judge(procedure, f));
  }
  const series: AuditSeriesRow[] = [];
  for (const [dimension, key, group] of breakdowns(procedures)) {
    for (const procedure of PROCEDURES) {
      const mine = group.filter((p) => p.procedure === procedure);
      if (mine.length === 0) continue;
      for (const f of procedureFigures(procedure, mine))
        series.push({ dimension, key, ...judge(procedure, f) });
    }
  }
  return {
    format: AUDIT_REPORT_FORMAT,
    institutionId: scope.institutionId,
    from: scope.from,
    to: scope.to,
    ledgerSize: scope.ledgerSize,
    checkpoint: scope.checkpoint ?? null,
    rows,
    series,
  };
}

/** What the logs say about training: who logged in which role, supervision, sign-off. */
function logFigures(procedures: readonly AuditProcedure[]): Figure[] {
  const logs = procedures.flatMap((p) => p.logs);
  const signed = logs.filter((c) => c.signOff === 'signed-off' && c.signedAt !== undefined);
  return [
    tally('logs', logs.length),
    ...OPERATOR_ROLES.map((role) =>
      tally(`logs-${role}`, logs.filter((c) => c.operatorRole === role).length),
    ),
    ...SUPERVISION_LEVELS.map((level) =>
      tally(
        `logs-supervision-level-${level}`,
        logs.filter((c) => c.supervisionLevel === level).length,
      ),
    ),
    tally('procedures-logged-by-observers-only', procedures.filter((p) => !p.record).length),
    rate('logs-signed-off', signed.length, logs.length),
    middle(
      'sign-off-delay-median',
      'days',
      signed.map((c) => (Date.parse(c.signedAt!) - Date.parse(c.loggedAt)) / DAY_MS),
      logs.length,
    ),
  ];
}

/** Groups for the series: by month; by operating trainee; by the operating record's supervisor. */
function* breakdowns(
  procedures: readonly AuditProcedure[],
): Generator<[AuditDimension, string, AuditProcedure[]]> {
  const by = (key: (p: AuditProcedure) => readonly string[]): Map<string, AuditProcedure[]> => {
    const groups = new Map<string, AuditProcedure[]>();
    for (const p of procedures) {
      for (const k of key(p)) {
        const group = groups.get(k);
        if (group === undefined) groups.set(k, [p]);
        else group.push(p);
      }
    }
    return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
  };
  const dimensions: [AuditDimension, Map<string, AuditProcedure[]>][] = [
    ['month', by((p) => [p.performedOn.slice(0, 7)])],
    ['operator', by((p) => p.operators)],
    ['supervisor', by((p) => (p.record?.supervisorId ? [p.record.supervisorId] : []))],
  ];
  for (const [dimension, groups] of dimensions)
    for (const [key, group] of groups) yield [dimension, key, group];
}
