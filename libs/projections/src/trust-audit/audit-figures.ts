// The figures of a group of procedures of one kind. Every rate carries its count and
// denominator, so three procedures read as "1/3", never as a bare 33%.
import type { AngiographyDetails, Procedure } from '@inr/domain';
import {
  FUNCTIONAL_INDEPENDENCE_MAX_MRS,
  INTERVAL_LIMIT_MIN,
  TIME_TARGET_MIN,
  intervalOf,
  isFirstPassEffect,
  isModifiedFirstPassEffect,
  isSuccessfulReperfusion,
  type AuditInterval,
} from './audit-definitions';
import type { AuditProcedure } from './audit-procedures';
import { median, percent, round1 } from './audit-stats';

export type AuditUnit = 'count' | 'pct' | 'min' | 'days' | 'score';

/** A figure before it is judged against a threshold. */
export interface Figure {
  metric: string;
  unit: AuditUnit;
  /** The numerator of a rate; the number of values behind a median; the count itself. */
  count: number;
  /** Procedures (or logs) the figure is out of; null for a plain count. */
  denominator: number | null;
  value: number | null;
}

export const tally = (metric: string, count: number): Figure => ({
  metric,
  unit: 'count',
  count,
  denominator: null,
  value: count,
});
export const rate = (metric: string, count: number, denominator: number): Figure => ({
  metric,
  unit: 'pct',
  count,
  denominator,
  value: percent(count, denominator),
});
export const middle = (
  metric: string,
  unit: AuditUnit,
  values: readonly number[],
  denominator: number,
): Figure => ({
  metric,
  unit,
  count: values.length,
  denominator,
  value: round1(median(values)),
});

/** Share of `items` passing `test`, out of all of them. */
function share<T>(metric: string, items: readonly T[], test: (item: T) => boolean): Figure {
  return rate(metric, items.filter(test).length, items.length);
}

/** Share of the items where `field` is recorded: outcomes are out of those with the outcome. */
function recordedShare<T, V>(
  metric: string,
  items: readonly T[],
  field: (item: T) => V | undefined,
  test: (value: V) => boolean,
): Figure {
  const known = items.flatMap((item) => {
    const value = field(item);
    return value === undefined ? [] : [value];
  });
  return share(metric, known, test);
}

/** Figures of one procedure kind over procedures that have an operating record. */
export function procedureFigures(procedure: Procedure, group: readonly AuditProcedure[]): Figure[] {
  const operated = group.filter((p) => p.record !== undefined);
  const figures = [
    tally('procedures', group.length),
    tally('procedures-with-operating-record', operated.length),
  ];
  switch (procedure) {
    case 'mechanical-thrombectomy':
      return [...figures, ...thrombectomyFigures(operated)];
    case 'aneurysm-coiling': {
      const coils = operated.flatMap((p) =>
        p.record!.details.procedure === 'aneurysm-coiling' ? [p.record!.details] : [],
      );
      return [
        ...figures,
        share('complication', coils, (d) => d.complications.length > 0),
        share('intra-procedural-rupture', coils, (d) =>
          d.complications.includes('intra-procedural-rupture'),
        ),
        share('thromboembolic', coils, (d) => d.complications.includes('thromboembolic')),
      ];
    }
    case 'diagnostic-angiography':
      return [...figures, ...angiographyFigures(operated)];
  }
}

function thrombectomyFigures(operated: readonly AuditProcedure[]): Figure[] {
  const mt = operated.flatMap((p) =>
    p.record!.details.procedure === 'mechanical-thrombectomy'
      ? [{ d: p.record!.details, outcome: p.outcome }]
      : [],
  );
  const details = mt.map((m) => m.d);
  const outcomes = mt.map((m) => m.outcome);
  const figures: Figure[] = [
    share('reperfusion-success', details, (d) => isSuccessfulReperfusion(d.finalEtici)),
    share('first-pass-effect', details, isFirstPassEffect),
    share('modified-first-pass-effect', details, isModifiedFirstPassEffect),
  ];
  let impossible = 0;
  for (const interval of Object.keys(INTERVAL_LIMIT_MIN) as AuditInterval[]) {
    const minutes: number[] = [];
    for (const d of details) {
      const m = intervalOf(d, interval);
      if (m === 'impossible') impossible++;
      else if (m !== 'missing') minutes.push(m);
    }
    figures.push(middle(`${interval}-median`, 'min', minutes, details.length));
    if (interval !== 'onset-to-puncture') {
      const target = TIME_TARGET_MIN[interval];
      figures.push(
        rate(
          `${interval}-under-${target}`,
          minutes.filter((m) => m < target).length,
          minutes.length,
        ),
      );
    }
  }
  figures.push(tally('times-left-out-as-impossible', impossible));
  figures.push(
    share('procedural-complication', details, (d) => d.complications.length > 0),
    share('procedural-symptomatic-ich', details, (d) =>
      d.complications.includes('symptomatic-ich'),
    ),
    // Follow-up outcomes: each out of the procedures where it was recorded.
    recordedShare(
      'iv-thrombolysis',
      outcomes,
      (o) => o.ivThrombolysis,
      (v) => v,
    ),
    recordedShare(
      'general-anaesthesia',
      outcomes,
      (o) => o.anaesthesia,
      (v) => v === 'general',
    ),
    recordedShare(
      'transferred-in',
      outcomes,
      (o) => o.transferredIn,
      (v) => v,
    ),
    middle(
      'door-in-door-out-median',
      'min',
      outcomes.flatMap((o) =>
        o.doorInDoorOutMinutes === undefined ? [] : [o.doorInDoorOutMinutes],
      ),
      outcomes.filter((o) => o.transferredIn === true).length,
    ),
    middle(
      'nihss-on-arrival-median',
      'score',
      defined(outcomes.map((o) => o.nihssOnArrival)),
      mt.length,
    ),
    middle('nihss-at-24h-median', 'score', defined(outcomes.map((o) => o.nihssAt24h)), mt.length),
    recordedShare(
      'sich-on-24h-scan',
      outcomes,
      (o) => o.sichOn24hScan,
      (v) => v,
    ),
    recordedShare(
      'mrs-0-2-at-90-days',
      outcomes,
      (o) => o.mrsAt90Days,
      (v) => v <= FUNCTIONAL_INDEPENDENCE_MAX_MRS,
    ),
    recordedShare('mortality-90-days', outcomes, mortality, (v) => v),
  );
  return figures;
}

/** Death within 90 days, from the mortality field or an mRS of 6. */
function mortality(o: ThrombectomyOutcome): boolean | undefined {
  return o.diedWithin90Days ?? (o.mrsAt90Days === undefined ? undefined : o.mrsAt90Days === 6);
}
type ThrombectomyOutcome = AuditProcedure['outcome'];

const defined = (values: readonly (number | undefined)[]): number[] =>
  values.filter((v): v is number => v !== undefined);

/** The RCR AuditLive cerebrovascular DSA set (docs/audit.md). */
function angiographyFigures(operated: readonly AuditProcedure[]): Figure[] {
  const angio = operated.flatMap((p) =>
    p.record!.details.procedure === 'diagnostic-angiography' ? [p.record!.details] : [],
  );
  const access = (d: AngiographyDetails, c: string): boolean =>
    (d.accessSiteComplications as readonly string[]).includes(c);
  return [
    share('written-consent', angio, (d) => d.consentObtained),
    share('diagnostic-success', angio, (d) => d.diagnosticSuccess),
    share(
      'reversible-neurological-deficit',
      angio,
      (d) => d.neurologicalComplication === 'reversible',
    ),
    share(
      'permanent-neurological-deficit',
      angio,
      (d) => d.neurologicalComplication === 'permanent',
    ),
    // Catheter-induced; events logged before the correction filed it under the access site.
    share(
      'arterial-dissection',
      angio,
      (d) => (d.catheterComplications ?? []).length > 0 || access(d, 'dissection'),
    ),
    share('access-haematoma-needing-intervention', angio, (d) =>
      access(d, 'haematoma-needing-intervention'),
    ),
    share(
      'access-haematoma-any',
      angio,
      (d) => access(d, 'haematoma') || access(d, 'haematoma-needing-intervention'),
    ),
    share('access-vessel-occlusion', angio, (d) => access(d, 'vessel-occlusion')),
    share(
      'pseudoaneurysm-or-av-fistula',
      angio,
      (d) => access(d, 'pseudoaneurysm') || access(d, 'av-fistula'),
    ),
    recordedShare(
      'contrast-nephropathy',
      angio,
      (d) => d.contrastNephropathy,
      (v) => v,
    ),
    recordedShare(
      'major-contrast-reaction',
      angio,
      (d) => d.majorContrastReaction,
      (v) => v,
    ),
  ];
}
