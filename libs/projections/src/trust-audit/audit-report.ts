import {
  OPERATOR_ROLES,
  PROCEDURES,
  SUPERVISION_LEVELS,
  isSuccessfulReperfusion,
  type Procedure,
} from '@inr/domain';
import type { CaseRecord } from '../case-registry/case-fold';
import { DAY_MS, median, minutesBetween, percent, round1 } from './audit-stats';
import {
  DEFAULT_AUDIT_THRESHOLDS,
  formatThreshold,
  meets,
  type AuditThreshold,
} from './audit-thresholds';

export type AuditStatus = 'met' | 'not-met' | 'no-data' | 'n/a';

/** One metric of one procedure: a CSV row. */
export interface AuditRow {
  procedure: Procedure;
  metric: string;
  value: number | null;
  threshold: string;
  status: AuditStatus;
}

export interface AuditReport {
  institutionId: string;
  /** Performed period, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  ledgerSize: number;
  rows: AuditRow[];
}

export interface AuditScope {
  institutionId: string;
  from: string;
  to: string;
  ledgerSize: number;
  thresholds?: readonly AuditThreshold[];
}

/** The cases an audit covers: the institution's, performed in the period, not retracted. */
export function inAuditScope(
  record: CaseRecord,
  scope: Pick<AuditScope, 'institutionId' | 'from' | 'to'>,
): boolean {
  return (
    !record.retracted &&
    record.institutionId === scope.institutionId &&
    record.performedOn >= scope.from &&
    record.performedOn <= scope.to
  );
}

/** A pure function of registry records, so the live and the as-of audit cannot differ. */
export function auditReport(records: Iterable<CaseRecord>, scope: AuditScope): AuditReport {
  const thresholds = scope.thresholds ?? DEFAULT_AUDIT_THRESHOLDS;
  const cases = [...records].filter((record) => inAuditScope(record, scope));
  const rows: AuditRow[] = [];
  for (const procedure of PROCEDURES) {
    const mine = cases.filter((c) => c.procedure === procedure);
    const add = (metric: string, value: number | null): void => {
      const threshold = thresholds.find((t) => t.procedure === procedure && t.metric === metric);
      const status: AuditStatus = !threshold
        ? value === null
          ? 'no-data'
          : 'n/a'
        : value === null
          ? 'no-data'
          : meets(threshold, value)
            ? 'met'
            : 'not-met';
      rows.push({ procedure, metric, value, threshold: formatThreshold(threshold), status });
    };
    add('cases', mine.length);
    for (const role of OPERATOR_ROLES)
      add(`role-${role}`, mine.filter((c) => c.operatorRole === role).length);
    for (const level of SUPERVISION_LEVELS)
      add(`supervision-level-${level}`, mine.filter((c) => c.supervisionLevel === level).length);
    const signed = mine.filter((c) => c.signOff === 'signed-off' && c.signedAt !== undefined);
    add('signed-off-pct', percent(signed.length, mine.length));
    add(
      'sign-off-delay-median-days',
      round1(
        median(signed.map((c) => (Date.parse(c.signedAt!) - Date.parse(c.loggedAt)) / DAY_MS)),
      ),
    );
    for (const [metric, value] of procedureMetrics(procedure, mine)) add(metric, value);
  }
  return {
    institutionId: scope.institutionId,
    from: scope.from,
    to: scope.to,
    ledgerSize: scope.ledgerSize,
    rows,
  };
}

function procedureMetrics(
  procedure: Procedure,
  cases: readonly CaseRecord[],
): [string, number | null][] {
  const share = (test: (c: CaseRecord) => boolean): number | null =>
    percent(cases.filter(test).length, cases.length);
  switch (procedure) {
    case 'mechanical-thrombectomy': {
      const mt = cases.flatMap((c) =>
        c.details.procedure === 'mechanical-thrombectomy' ? [c.details] : [],
      );
      const mtShare = (test: (d: (typeof mt)[number]) => boolean): number | null =>
        percent(mt.filter(test).length, mt.length);
      const doorToPuncture = mt.flatMap((d) => {
        const minutes = minutesBetween(d.times.arrival, d.times.groinPuncture);
        return minutes === null ? [] : [minutes];
      });
      return [
        // Success is eTICI 2b50 or better; every punctured case counts, abandoned ones too (SSNAP).
        ['reperfusion-success-pct', mtShare((d) => isSuccessfulReperfusion(d.finalEtici))],
        [
          'first-pass-effect-pct',
          mtShare((d) => d.eticiByPass.length === 1 && isSuccessfulReperfusion(d.eticiByPass[0]!)),
        ],
        ['door-to-puncture-median-min', round1(median(doorToPuncture))],
        ['complication-pct', mtShare((d) => d.complications.length > 0)],
        ['symptomatic-ich-pct', mtShare((d) => d.complications.includes('symptomatic-ich'))],
      ];
    }
    case 'aneurysm-coiling': {
      const coils = cases.flatMap((c) =>
        c.details.procedure === 'aneurysm-coiling' ? [c.details] : [],
      );
      return [
        [
          'complication-pct',
          percent(coils.filter((d) => d.complications.length > 0).length, coils.length),
        ],
        [
          'intra-procedural-rupture-pct',
          percent(
            coils.filter((d) => d.complications.includes('intra-procedural-rupture')).length,
            coils.length,
          ),
        ],
      ];
    }
    case 'diagnostic-angiography': {
      const angio = (c: CaseRecord) =>
        c.details.procedure === 'diagnostic-angiography' ? c.details : undefined;
      return [
        ['diagnostic-success-pct', share((c) => angio(c)?.diagnosticSuccess === true)],
        [
          'reversible-deficit-pct',
          share((c) => angio(c)?.neurologicalComplication === 'reversible'),
        ],
        ['permanent-deficit-pct', share((c) => angio(c)?.neurologicalComplication === 'permanent')],
        [
          'access-site-haematoma-pct',
          share((c) => angio(c)?.accessSiteComplications.includes('haematoma') === true),
        ],
        [
          'dissection-pct',
          share((c) => angio(c)?.accessSiteComplications.includes('dissection') === true),
        ],
      ];
    }
  }
}
