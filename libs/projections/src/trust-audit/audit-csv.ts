import type { AuditReport } from './audit-report';

export const AUDIT_CSV_HEADER = 'procedure,metric,value,threshold,status';

/** RFC 4180 quoting, only where a field needs it. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Header row, then one row per metric per procedure; an empty value means no data. */
export function auditCsv(report: AuditReport): string {
  const lines = report.rows.map((row) =>
    [
      row.procedure,
      row.metric,
      row.value === null ? '' : String(row.value),
      row.threshold,
      row.status,
    ]
      .map(field)
      .join(','),
  );
  return [AUDIT_CSV_HEADER, ...lines].join('\r\n') + '\r\n';
}
