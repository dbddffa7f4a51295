import type { AuditReport } from './audit-report';

export const AUDIT_CSV_HEADER =
  'dimension,key,procedure,metric,unit,count,denominator,value,threshold,status';

/** RFC 4180 quoting, only where a field needs it. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvField).join(',');
}

/**
 * Header, then the trust's figures (dimension "trust"), then the series by month, operator and
 * supervisor: one row per figure, each with its count and denominator. Empty value: no data.
 */
export function auditCsv(report: AuditReport): string {
  const rows = [
    ...report.rows.map((row) => ({ dimension: 'trust', key: report.institutionId, ...row })),
    ...report.series,
  ];
  const lines = rows.map((r) =>
    csvLine([
      r.dimension,
      r.key,
      r.procedure,
      r.metric,
      r.unit,
      r.count,
      r.denominator,
      r.value,
      r.threshold,
      r.status,
    ]),
  );
  return [AUDIT_CSV_HEADER, ...lines].join('\r\n') + '\r\n';
}
