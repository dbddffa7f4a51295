// The clinical and training vocabulary of docs/domain.md, as closed sets. The API's
// validation enums and the policy filters are built from these arrays, so they cannot drift.

export const PROCEDURES = [
  'mechanical-thrombectomy',
  'aneurysm-coiling',
  'diagnostic-angiography',
] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** Operator role on a case (docs/domain.md, "Vocabulary"). */
export const OPERATOR_ROLES = [
  'observer',
  'assistant',
  'primary-supervised',
  'primary-independent',
] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** The operating team of a procedure: whoever scrubbed in. An observer's log is never its record. */
export const OPERATING_ROLES: readonly OperatorRole[] = [
  'primary-independent',
  'primary-supervised',
  'assistant',
];
export function isOperatingRole(role: OperatorRole): boolean {
  return OPERATING_ROLES.includes(role);
}

/** 1 observe only, 2 direct, 3 indirect, 4 unsupervised, 5 may supervise others. */
export const SUPERVISION_LEVELS = [1, 2, 3, 4, 5] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/**
 * Supervision levels each operator role can have been at (1 observe only, 2 direct, 3 indirect,
 * 4 unsupervised, 5 may supervise others). An observer only observes; an assistant or a
 * supervised primary operator works with a supervisor in the room or reachable; an independent
 * operator was by definition unsupervised. Here, not beside the plausibility rules, so the web
 * app offers a signer only the corrections the domain accepts.
 */
export const LEVELS_BY_ROLE: Readonly<Record<OperatorRole, readonly SupervisionLevel[]>> = {
  observer: [1],
  assistant: [2, 3],
  'primary-supervised': [2, 3],
  'primary-independent': [4, 5],
};

/**
 * A supervisor's entrustment rating at sign-off, on the entrustment-supervision scale: what
 * the trainee may be trusted with next time (1 observe only, 2 act under direct supervision,
 * 3 act under indirect supervision, 4 act unsupervised, 5 may supervise others). The
 * supervision level says what happened on the day; the rating is a judgement about next time.
 */
export const ENTRUSTMENT_RATINGS = [1, 2, 3, 4, 5] as const;
export type EntrustmentRating = (typeof ENTRUSTMENT_RATINGS)[number];

export const SPECIALTIES = [
  'radiology',
  'interventional-radiology',
  'neurology',
  'neurosurgery',
  'cardiology',
  'stroke-medicine',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];

/** What a supervisor is accredited as; only GMC-registered INRs count as distinct INR signers. */
export const SUPERVISOR_KINDS = ['INR', 'IR', 'medical-director'] as const;
export type SupervisorKind = (typeof SUPERVISOR_KINDS)[number];

export const ASSESSMENT_TYPES = ['Rad-DOPS', 'Mini-IPX', 'CbD', 'MSF', 'MDT'] as const;
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];

export const ASSESSMENT_OUTCOMES = [
  'satisfactory',
  'development-needed',
  'unsatisfactory',
] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

export const OCCLUSION_SITES = [
  'ICA',
  'ICA-T',
  'M1',
  'M2',
  'M3',
  'A1',
  'A2',
  'P1',
  'P2',
  'basilar',
  'vertebral',
] as const;
export type OcclusionSite = (typeof OCCLUSION_SITES)[number];

export const MT_TECHNIQUES = ['stent-retriever', 'contact-aspiration', 'combined'] as const;
export type MtTechnique = (typeof MT_TECHNIQUES)[number];

/**
 * Where a case stands with its supervisor (docs/domain.md, "Sign-off of a case"): awaiting a
 * sign-off, signed off, disputed, or withdrawn (amended after its sign-off, so it awaits a new
 * one); or self-attested (an independent operator's case: no supervisor, nobody signs it).
 * The case decider needs no 'withdrawn': to decide, a withdrawn sign-off is awaiting.
 */
export const SIGN_OFF_STATUSES = [
  'awaiting',
  'signed-off',
  'disputed',
  'withdrawn',
  'self-attested',
] as const;
export type SignOffStatus = (typeof SIGN_OFF_STATUSES)[number];

/** eTICI reperfusion grades in order; success is 2b50 or better. */
export const ETICI_GRADES = ['0', '1', '2a', '2b50', '2b67', '2c', '3'] as const;
export type EticiGrade = (typeof ETICI_GRADES)[number];

export const MT_COMPLICATIONS = [
  'access-site-haematoma',
  'access-site-pseudoaneurysm',
  'access-site-vessel-occlusion',
  'vessel-perforation',
  'dissection',
  'embolisation-new-territory',
  'symptomatic-ich',
  'subarachnoid-haemorrhage',
  'device-related',
  'anaesthetic-or-contrast',
] as const;
export type MtComplication = (typeof MT_COMPLICATIONS)[number];

export const COILING_TECHNIQUES = [
  'simple',
  'balloon-assisted',
  'stent-assisted',
  'flow-diversion',
] as const;
export type CoilingTechnique = (typeof COILING_TECHNIQUES)[number];

/** Raymond–Roy occlusion classes: for coiling only; they do not describe a flow diverter's result. */
export const RAYMOND_ROY_CLASSES = ['I', 'II', 'IIIa', 'IIIb'] as const;
export type RaymondRoyClass = (typeof RAYMOND_ROY_CLASSES)[number];

/**
 * O'Kelly–Marotta grades after flow diversion: filling A (total), B (subtotal), C (entry remnant),
 * D (none), with contrast stasis 1 (none), 2 (moderate), 3 (significant); D has no stasis grade.
 */
export const OKM_GRADES = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3', 'D'] as const;
export type OkmGrade = (typeof OKM_GRADES)[number];

export const COILING_COMPLICATIONS = [
  'thromboembolic',
  'intra-procedural-rupture',
  'access-site-haematoma',
] as const;
export type CoilingComplication = (typeof COILING_COMPLICATIONS)[number];

export const ANGIO_NEURO_OUTCOMES = ['none', 'reversible', 'permanent'] as const;
export type AngioNeuroOutcome = (typeof ANGIO_NEURO_OUTCOMES)[number];

/**
 * Access-site complications of a diagnostic angiogram (RCR AuditLive, cerebrovascular DSA; see
 * docs/audit.md). 'haematoma' is any haematoma; the audited one is the haematoma that needed
 * transfusion, surgery or a delayed discharge. Arterial dissection is catheter-induced, not an
 * access-site complication: it is `catheterComplications`. ('dissection' here is read only from
 * events logged before that correction.)
 */
export const ANGIO_ACCESS_COMPLICATIONS = [
  'haematoma',
  'haematoma-needing-intervention',
  'pseudoaneurysm',
  'av-fistula',
  'vessel-occlusion',
] as const;
export type AngioAccessComplication = (typeof ANGIO_ACCESS_COMPLICATIONS)[number];

/** Catheter-induced complications of a diagnostic angiogram. */
export const ANGIO_CATHETER_COMPLICATIONS = ['arterial-dissection', 'subintimal-passage'] as const;
export type AngioCatheterComplication = (typeof ANGIO_CATHETER_COMPLICATIONS)[number];

/** Anaesthesia for a thrombectomy, recorded at follow-up. */
export const ANAESTHESIA_TYPES = ['local', 'conscious-sedation', 'general'] as const;
export type AnaesthesiaType = (typeof ANAESTHESIA_TYPES)[number];

/**
 * The published definitions of symptomatic intracranial haemorrhage a 24 h scan result is
 * judged by; a result without its definition cannot be compared across centres.
 */
export const SICH_DEFINITIONS = [
  'SITS-MOST',
  'ECASS-II',
  'ECASS-III',
  'NINDS',
  'Heidelberg',
] as const;
export type SichDefinition = (typeof SICH_DEFINITIONS)[number];

export const CREDENTIAL_OUTCOMES = ['granted', 'refused', 'deferred'] as const;
export type CredentialOutcome = (typeof CREDENTIAL_OUTCOMES)[number];

export const ROLES = [
  'trainee',
  'supervisor',
  'medical-director',
  'panel',
  'trust-auditor',
  'accreditor',
  'regulator',
  'admin',
  /** The trust's data-protection officer: erasure and subject access (docs/privacy.md). */
  'data-protection',
] as const;
export type Role = (typeof ROLES)[number];

export function isSuccessfulReperfusion(grade: EticiGrade): boolean {
  return ETICI_GRADES.indexOf(grade) >= ETICI_GRADES.indexOf('2b50');
}
