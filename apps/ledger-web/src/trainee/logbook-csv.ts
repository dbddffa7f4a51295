import type { CaseRecord } from '../api/types';

const COLUMNS: (keyof CaseRecord)[] = [
  'caseId',
  'performedOn',
  'procedure',
  'operatorRole',
  'supervisionLevel',
  'supervisorId',
  'institutionId',
  'localRef',
  'signOff',
  'signedOffBy',
  'amendments',
  'retracted',
];

const cell = (v: unknown): string => {
  const s = v === undefined || v === null ? '' : String(v);
  // RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The trainee's logbook as CSV, one row per case, in performed order. */
export function logbookCsv(cases: readonly CaseRecord[]): string {
  const rows = [...cases]
    .sort((a, b) => a.performedOn.localeCompare(b.performedOn))
    .map((c) => COLUMNS.map((k) => cell(c[k])).join(','));
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
