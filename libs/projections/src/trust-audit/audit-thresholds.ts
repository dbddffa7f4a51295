import type { Procedure } from '@inr/domain';

/** A standard a metric is held to: met when `value <comparator> target`. */
export interface AuditThreshold {
  procedure: Procedure;
  metric: string;
  comparator: '>=' | '<=' | '<';
  target: number;
  source: string;
}

// Sources, as docs/audit.md cites them (the domain reference: docs/domain.md).
const RCR =
  'Royal College of Radiologists, AuditLive: cerebrovascular diagnostic angiography (DSA) targets';
const SNIS = 'Society of NeuroInterventional Surgery (SNIS) time targets for stroke thrombectomy';

const dsa = (metric: string, comparator: '>=' | '<=', target: number): AuditThreshold => ({
  procedure: 'diagnostic-angiography',
  metric,
  comparator,
  target,
  source: RCR,
});

/** The published standards; passed in as data so a trust can audit against its own. */
export const DEFAULT_AUDIT_THRESHOLDS: readonly AuditThreshold[] = [
  dsa('written-consent', '>=', 100),
  dsa('diagnostic-success', '>=', 98),
  dsa('reversible-neurological-deficit', '<=', 2),
  dsa('permanent-neurological-deficit', '<=', 1),
  dsa('arterial-dissection', '<=', 1),
  dsa('access-haematoma-needing-intervention', '<=', 3),
  dsa('access-vessel-occlusion', '<=', 1),
  dsa('pseudoaneurysm-or-av-fistula', '<=', 1),
  dsa('contrast-nephropathy', '<=', 5),
  dsa('major-contrast-reaction', '<=', 5),
  {
    procedure: 'mechanical-thrombectomy',
    metric: 'door-to-puncture-median',
    comparator: '<',
    target: 60,
    source: SNIS,
  },
  {
    procedure: 'mechanical-thrombectomy',
    metric: 'door-to-reperfusion-median',
    comparator: '<',
    target: 90,
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
