// One row per procedure, in the manner of a national audit return (docs/audit-data-dictionary.md
// defines every column). No patient identifier and no local reference leaves in it.
import type { ThrombectomyDetails } from '@inr/domain';
import type { CaseRecord } from '../case-registry/case-fold';
import {
  intervalOf,
  isFirstPassEffect,
  isModifiedFirstPassEffect,
  isSuccessfulReperfusion,
  type AuditInterval,
} from './audit-definitions';
import { auditProcedures, type AuditProcedure, type AuditScopeFilter } from './audit-procedures';
import { csvLine } from './audit-csv';

type Cell = string | number | boolean | undefined;
type Column = [name: string, value: (p: AuditProcedure) => Cell];

const list = (values: readonly string[] | undefined): string | undefined =>
  values === undefined ? undefined : values.join(';');
const mt = (p: AuditProcedure): ThrombectomyDetails | undefined =>
  p.record?.details.procedure === 'mechanical-thrombectomy' ? p.record.details : undefined;
const minutes = (interval: AuditInterval) => (p: AuditProcedure) => {
  const d = mt(p);
  const m = d && intervalOf(d, interval);
  return typeof m === 'number' ? Math.round(m) : undefined;
};
const detail =
  <K extends string>(procedure: string, key: K) =>
  (p: AuditProcedure) => {
    const d = p.record?.details as unknown as Record<string, unknown> | undefined;
    const v = d?.['procedure'] === procedure ? d[key] : undefined;
    return Array.isArray(v) ? list(v as string[]) : (v as Cell);
  };

export const NATIONAL_AUDIT_COLUMNS: readonly Column[] = [
  ['procedure_ref', (p) => p.procedureRef],
  ['institution_id', (p) => p.record?.institutionId ?? p.logs[0]!.institutionId],
  ['procedure', (p) => p.procedure],
  ['performed_on', (p) => p.performedOn],
  ['logs', (p) => p.logs.length],
  ['operating_record_case_id', (p) => p.record?.caseId],
  ['operator_id', (p) => p.record?.traineeId],
  ['operator_role', (p) => p.record?.operatorRole],
  ['co_operator_ids', (p) => list(p.operators.filter((o) => o !== p.record?.traineeId))],
  ['supervisor_id', (p) => p.record?.supervisorId],
  ['supervision_level', (p) => p.record?.supervisionLevel],
  ['signed_off', (p) => (p.record ? p.record.signOff === 'signed-off' : undefined)],
  ['occlusion_site', (p) => mt(p)?.occlusionSite],
  ['tandem_lesion', (p) => mt(p)?.tandemLesion],
  ['technique', (p) => mt(p)?.technique ?? detail('aneurysm-coiling', 'technique')(p)],
  ['balloon_guide_catheter', (p) => mt(p)?.balloonGuideCatheter],
  ['rescue_stenting', (p) => mt(p)?.rescueStenting],
  ['passes', (p) => mt(p)?.eticiByPass.length],
  ['etici_first_pass', (p) => mt(p)?.eticiByPass[0]],
  ['etici_final', (p) => mt(p)?.finalEtici],
  [
    'reperfusion_success',
    (p) => {
      const d = mt(p);
      return d && isSuccessfulReperfusion(d.finalEtici);
    },
  ],
  [
    'first_pass_effect',
    (p) => {
      const d = mt(p);
      return d && isFirstPassEffect(d);
    },
  ],
  [
    'modified_first_pass_effect',
    (p) => {
      const d = mt(p);
      return d && isModifiedFirstPassEffect(d);
    },
  ],
  ['onset_to_puncture_min', minutes('onset-to-puncture')],
  ['door_to_puncture_min', minutes('door-to-puncture')],
  ['door_to_reperfusion_min', minutes('door-to-reperfusion')],
  [
    'impossible_times',
    (p) => {
      const d = mt(p);
      if (!d) return undefined;
      const bad = (
        ['onset-to-puncture', 'door-to-puncture', 'door-to-reperfusion'] as const
      ).filter((i) => intervalOf(d, i) === 'impossible');
      return list(bad);
    },
  ],
  [
    'procedural_complications',
    (p) =>
      detail('mechanical-thrombectomy', 'complications')(p) ??
      detail('aneurysm-coiling', 'complications')(p),
  ],
  ['nihss_on_arrival', (p) => p.outcome.nihssOnArrival],
  ['nihss_at_24h', (p) => p.outcome.nihssAt24h],
  ['iv_thrombolysis', (p) => p.outcome.ivThrombolysis],
  ['anaesthesia', (p) => p.outcome.anaesthesia],
  ['transferred_in', (p) => p.outcome.transferredIn],
  ['door_in_door_out_min', (p) => p.outcome.doorInDoorOutMinutes],
  ['sich_on_24h_scan', (p) => p.outcome.sichOn24hScan],
  ['sich_definition', (p) => p.outcome.sichDefinition],
  ['mrs_at_90_days', (p) => p.outcome.mrsAt90Days],
  [
    'died_within_90_days',
    (p) =>
      p.outcome.diedWithin90Days ??
      (p.outcome.mrsAt90Days === undefined ? undefined : p.outcome.mrsAt90Days === 6),
  ],
  ['aneurysm_ruptured', detail('aneurysm-coiling', 'ruptured')],
  ['raymond_roy', detail('aneurysm-coiling', 'raymondRoy')],
  ['written_consent', detail('diagnostic-angiography', 'consentObtained')],
  ['diagnostic_success', detail('diagnostic-angiography', 'diagnosticSuccess')],
  ['neurological_complication', detail('diagnostic-angiography', 'neurologicalComplication')],
  ['access_site_complications', detail('diagnostic-angiography', 'accessSiteComplications')],
  ['catheter_complications', detail('diagnostic-angiography', 'catheterComplications')],
  ['contrast_nephropathy', detail('diagnostic-angiography', 'contrastNephropathy')],
  ['major_contrast_reaction', detail('diagnostic-angiography', 'majorContrastReaction')],
];

/** Header, then one row per procedure in the scope; an empty cell is "not recorded / not applicable". */
export function nationalAuditCsv(records: Iterable<CaseRecord>, scope: AuditScopeFilter): string {
  const header = NATIONAL_AUDIT_COLUMNS.map(([name]) => name).join(',');
  const lines = auditProcedures(records, scope).map((p) =>
    csvLine(NATIONAL_AUDIT_COLUMNS.map(([, value]) => value(p))),
  );
  return [header, ...lines].join('\r\n') + '\r\n';
}
