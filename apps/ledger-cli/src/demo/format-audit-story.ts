import type { AuditReport, AuditRow } from '@inr/projections';
import { bold } from '../ui/terminal';

export interface AuditStory {
  institutionId: string;
  file: string;
  events: number;
  report: AuditReport;
}

const out = process.stdout;

/** "a/b (p%)" or "median m min (n of N)": counts with denominators, never a bare percentage. */
function show(row: AuditRow | undefined): string {
  if (row === undefined || row.value === null) return 'no data';
  const judged = row.threshold ? ` [target ${row.threshold}: ${row.status}]` : '';
  if (row.unit === 'pct') return `${row.count}/${row.denominator} (${row.value}%)${judged}`;
  if (row.unit === 'count') return `${row.count}`;
  return `median ${row.value} ${row.unit} (${row.count} of ${row.denominator})${judged}`;
}

/** The story's trust audit: procedures once, FPE and mFPE apart, times, outcomes, the DSA set. */
export function formatAuditStory(a: AuditStory): string[] {
  const at = (procedure: string, metric: string) =>
    a.report.rows.find((r) => r.procedure === procedure && r.metric === metric);
  const mt = (metric: string) => show(at('mechanical-thrombectomy', metric));
  const missed = a.report.rows.filter(
    (r) => r.procedure === 'diagnostic-angiography' && r.status === 'not-met',
  );
  const cp = a.report.checkpoint;
  return [
    bold(`Trust audit of ${a.institutionId}, verified offline:`, out),
    `  computed at ledger size ${a.report.ledgerSize}${cp ? `, checkpoint ${cp.origin} root ${cp.rootHash}` : ''}; ` +
      `${a.file}: ${a.events} events proven, the report recomputed from them`,
    `  thrombectomy: ${mt('procedures')} procedures from ${mt('logs')} logs (co-operators' logs count once); ` +
      `${mt('procedures-logged-by-observers-only')} logged by observers only`,
    `    reperfusion (eTICI >= 2b50) ${mt('reperfusion-success')}; FPE (2c/3, one pass) ${mt('first-pass-effect')}; mFPE (>= 2b50, one pass) ${mt('modified-first-pass-effect')}`,
    `    door-to-puncture ${mt('door-to-puncture-median')}; door-to-reperfusion ${mt('door-to-reperfusion-median')}`,
    `    follow-up: sICH on the 24 h scan ${mt('sich-on-24h-scan')}; mRS 0-2 at 90 days ${mt('mrs-0-2-at-90-days')}; mortality ${mt('mortality-90-days')}`,
    `  diagnostic angiography (RCR AuditLive DSA set): ${show(at('diagnostic-angiography', 'procedures'))} procedures; ` +
      (missed.length === 0
        ? 'every target met'
        : `not met: ${missed.map((r) => `${r.metric} ${r.count}/${r.denominator} (${r.value}%, target ${r.threshold})`).join('; ')}`),
    `  series: ${new Set(a.report.series.filter((s) => s.dimension === 'month').map((s) => s.key)).size} months, ` +
      `${new Set(a.report.series.filter((s) => s.dimension === 'operator').map((s) => s.key)).size} operators, ` +
      `${new Set(a.report.series.filter((s) => s.dimension === 'supervisor').map((s) => s.key)).size} supervisors`,
  ];
}
