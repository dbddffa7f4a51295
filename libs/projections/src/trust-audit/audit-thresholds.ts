import type { Procedure } from '@inr/domain';

/** A standard a metric is held to: met when `value <comparator> target`. */
export interface AuditThreshold {
  procedure: Procedure;
  metric: string;
  comparator: '>=' | '<=' | '<';
  target: number;
  source: string;
}

const RCR = 'RCR audit thresholds for diagnostic cerebral angiography (docs/domain.md)';
const SNIS = 'SNIS time target (docs/domain.md)';

/** The published standards; passed in as data so a trust can audit against its own. */
export const DEFAULT_AUDIT_THRESHOLDS: readonly AuditThreshold[] = [
  {
    procedure: 'diagnostic-angiography',
    metric: 'diagnostic-success-pct',
    comparator: '>=',
    target: 98,
    source: RCR,
  },
  {
    procedure: 'diagnostic-angiography',
    metric: 'reversible-deficit-pct',
    comparator: '<=',
    target: 2,
    source: RCR,
  },
  {
    procedure: 'diagnostic-angiography',
    metric: 'permanent-deficit-pct',
    comparator: '<=',
    target: 1,
    source: RCR,
  },
  {
    procedure: 'diagnostic-angiography',
    metric: 'access-site-haematoma-pct',
    comparator: '<=',
    target: 3,
    source: RCR,
  },
  {
    procedure: 'diagnostic-angiography',
    metric: 'dissection-pct',
    comparator: '<=',
    target: 1,
    source: RCR,
  },
  {
    procedure: 'mechanical-thrombectomy',
    metric: 'door-to-puncture-median-min',
    comparator: '<',
    target: 60,
    source: SNIS,
  },
];

export function formatThreshold(threshold: AuditThreshold | undefined): string {
  return threshold ? `${threshold.comparator}${threshold.target}` : '';
}

export function meets(threshold: AuditThreshold, value: number): boolean {
  switch (threshold.comparator) {
    case '>=':
      return value >= threshold.target;
    case '<=':
      return value <= threshold.target;
    case '<':
      return value < threshold.target;
  }
}
