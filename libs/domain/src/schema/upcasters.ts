// One upcaster per version step: UPCASTERS[type][n - 1] turns a version n payload into n + 1.
// Upcasters never drop information and never read the clock, so replays stay byte-identical.
import type { DomainEventType, JsonObject, JsonValue } from '../events';

export type Upcaster = (data: JsonObject) => JsonObject;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** v1 -> v2: the pre-release vocabulary said 'stroke'; SPECIALTIES now says 'stroke-medicine'. */
const traineeEnrolledV1toV2: Upcaster = (data) =>
  data['specialty'] === 'stroke' ? { ...data, specialty: 'stroke-medicine' } : data;

/**
 * v1 -> v2: v1 case details had no complication lists (none were recorded, so none is the
 * honest reading). Thrombectomy and coiling details get `complications: []`, angiography
 * details `accessSiteComplications: []` and `neurologicalComplication: 'none'`.
 */
const caseLoggedV1toV2: Upcaster = (data) => {
  const details = data['details'];
  if (!isObject(details)) return data;
  const upgraded: JsonObject =
    details['procedure'] === 'diagnostic-angiography'
      ? {
          ...details,
          accessSiteComplications: details['accessSiteComplications'] ?? [],
          neurologicalComplication: details['neurologicalComplication'] ?? 'none',
        }
      : { ...details, complications: details['complications'] ?? [] };
  return { ...data, details: upgraded };
};

/**
 * v1 -> v2: v1 decisions recorded no commitment to the evidence they stood on. None can be
 * derived afterwards without trusting today's store, so v1 reads as `evidence: null`.
 */
const credentialDecisionRecordedV1toV2: Upcaster = (data) =>
  'evidence' in data ? data : { ...data, evidence: null };

export const UPCASTERS: Readonly<Partial<Record<DomainEventType, readonly Upcaster[]>>> = {
  TraineeEnrolled: [traineeEnrolledV1toV2],
  CaseLogged: [caseLoggedV1toV2],
  CredentialDecisionRecorded: [credentialDecisionRecordedV1toV2],
};
