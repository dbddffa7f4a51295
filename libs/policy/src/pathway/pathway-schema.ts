// THE definition of the pathway document (docs/pathway-format.md). The TypeScript types
// (pathway.ts), the validator (validate-pathway.ts) and the published JSON Schema
// (docs/schemas/pathway.schema.json, `pathwayJsonSchema`) all come from these nodes. Rules
// that relate one part of a document to another are in pathway-rules.ts.
import {
  ASSESSMENT_OUTCOMES,
  ASSESSMENT_TYPES,
  OPERATOR_ROLES,
  PROCEDURES,
  SPECIALTIES,
  SUPERVISION_LEVELS,
  SUPERVISOR_KINDS,
  type TrainingTimeRecognised,
} from '@inr/domain';
import { evidenceWindow, numberRef, PARAMETER_NAME } from './number-ref';
import { Definitions, described, refined, type Infer } from './schema/schema-node';
import { bool, constant, date, nonNegative, oneOf, patterned, text } from './schema/scalars';
import { dictionary, list, object, optional, required, tagged } from './schema/structures';

export const PATHWAY_STATUSES = ['confirmed-structure', 'illustrative', 'local'] as const;
export const TRAINING_SETTINGS = [
  'neurointerventional-unit',
  'diagnostic-neuroradiology',
  'clinical-neurosciences',
] as const satisfies readonly TrainingTimeRecognised['setting'][];

const SLUG = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** The named parts of the published schema (its `$defs`). */
export const PATHWAY_DEFINITIONS = new Definitions();
const defs = PATHWAY_DEFINITIONS;

const slug = () =>
  patterned(SLUG, 'INVALID_ID', (name) => `"${name}" must be lower-case words joined by - or .`);
const texts = () => list(text());
const COUNT = defs.define(
  'count',
  described(
    numberRef(true),
    "A whole number: a parameter's name, or a literal its source confirms",
  ),
);
const AMOUNT = defs.define(
  'amount',
  described(numberRef(false), "A number: a parameter's name, or a literal its source confirms"),
);
const WINDOW = defs.define(
  'window',
  described(
    evidenceWindow(),
    'Performed dates that count: {from?, to?} inclusive, or {lastMonths}: after the as-of date minus that many months, up to the as-of date',
  ),
);
const count = () => COUNT;

const SOURCE = defs.define(
  'source',
  object({
    citation: required(text(), 'the document the pathway is read from'),
    url: optional(text()),
    readOn: required(date(), 'the day the source was read'),
    note: optional(text()),
  }),
);

/** A number the pathway depends on. Unconfirmed numbers stay visible as confirmed:false. */
const PARAMETER = defs.define(
  'parameter',
  refined(
    object({
      value: required(nonNegative(false)),
      confirmed: required(bool(), 'false: the source does not confirm this number'),
      source: optional(text(), 'where the number is confirmed; required when confirmed'),
      note: optional(text()),
    }),
    (p, path, ctx) => {
      if (p.confirmed && p.source === undefined)
        ctx.add(
          `${path}/source`,
          'CONFIRMED_WITHOUT_SOURCE',
          'a confirmed parameter must cite its source',
        );
    },
    {
      if: { properties: { confirmed: { const: true } }, required: ['confirmed'] },
      then: { required: ['source'] },
    },
  ),
);

const CASE_FILTER_MEMBERS = {
  procedures: optional(list(oneOf(PROCEDURES))),
  operatorRoles: optional(list(oneOf(OPERATOR_ROLES))),
  minSupervisionLevel: optional(
    oneOf(SUPERVISION_LEVELS),
    'counts cases at this level or more independent (1 observe … 5 may supervise)',
  ),
  signedOff: optional(bool(), 'true: only signed-off cases; false: only cases awaiting sign-off'),
  institutionIds: optional(texts()),
  ruptured: optional(bool(), 'aneurysm coiling only: ruptured or unruptured aneurysms'),
  includeSelfAttested: optional(
    bool(),
    'true: cases an independent operator logged without a supervisor count too, standing in for a sign-off (maintenance of competence); absent or false: they never count',
  ),
  externalEvidence: optional(
    bool(),
    'true: cases recognised from another ledger (ExternalEvidenceRecognised) count too, with their original dates, institution and signer; absent or false: only cases logged in this ledger',
  ),
  window: optional(WINDOW),
};
const CASE_FILTER = defs.define('caseFilter', object(CASE_FILTER_MEMBERS));
// Cases at other hospitals count for maintenance (Joint Commission 2019): no institution or window.
const { institutionIds: _i, window: _w, ...MAINTENANCE_FILTER_MEMBERS } = CASE_FILTER_MEMBERS;

const common = { id: required(slug()), description: required(text()) };
/** One requirement kind: a closed object, named in `$defs`. */
const variant = <M extends Parameters<typeof object>[0]>(
  name: string,
  description: string,
  members: M,
) => defs.define(name, described(object(members), description));

const REQUIREMENT_VARIANTS = {
  cases: variant(
    'casesRequirement',
    'Cases whose record matches the filter, performed in the window, counted against target',
    {
      ...common,
      kind: required(constant('cases')),
      target: required(count()),
      filter: required(CASE_FILTER),
    },
  ),
  assessments: variant(
    'assessmentsRequirement',
    'Workplace-based assessments of a type (and outcome, procedure) performed in the window',
    {
      ...common,
      kind: required(constant('assessments')),
      type: required(oneOf(ASSESSMENT_TYPES)),
      outcome: optional(oneOf(ASSESSMENT_OUTCOMES)),
      procedure: optional(oneOf(PROCEDURES)),
      target: required(count()),
      window: optional(WINDOW),
    },
  ),
  'distinct-signers': variant(
    'distinctSignersRequirement',
    'Sign-offs of a competency by different people of the given kinds',
    {
      ...common,
      kind: required(constant('distinct-signers')),
      competencyId: required(text()),
      signerKinds: required(list(oneOf(SUPERVISOR_KINDS))),
      count: required(count()),
    },
  ),
  'dual-signoff': variant(
    'dualSignOffRequirement',
    'A competency signed by an INR and by the medical director of the principal training hospital',
    {
      ...common,
      kind: required(constant('dual-signoff')),
      competencyId: required(text()),
    },
  ),
  'training-time': variant(
    'trainingTimeRequirement',
    'Recognised months of training, each day counted once',
    {
      ...common,
      kind: required(constant('training-time')),
      settings: optional(list(oneOf(TRAINING_SETTINGS)), 'absent: any setting'),
      months: required(AMOUNT),
    },
  ),
  rota: variant('rotaRequirement', 'Shifts on a rota, from periods that ended in the window', {
    ...common,
    kind: required(constant('rota')),
    minShifts: required(count()),
    window: optional(WINDOW),
  }),
  maintenance: variant(
    'maintenanceRequirement',
    'Cases in a rolling window: met when any alternative is met',
    {
      ...common,
      kind: required(constant('maintenance')),
      filter: required(object(MAINTENANCE_FILTER_MEMBERS)),
      alternatives: required(
        list(object({ count: required(count()), months: required(count()) })),
        'met when any alternative is met',
      ),
    },
  ),
};
const REQUIREMENT = defs.define(
  'requirement',
  tagged('kind', REQUIREMENT_VARIANTS, 'UNKNOWN_REQUIREMENT_KIND'),
);
export const REQUIREMENT_KINDS = Object.keys(
  REQUIREMENT_VARIANTS,
) as (keyof typeof REQUIREMENT_VARIANTS)[];

const SLOT = defs.define(
  'slot',
  refined(
    object({
      kind: required(oneOf(SUPERVISOR_KINDS)),
      principalTrainingHospital: optional(
        bool(),
        'only the medical director of the principal training hospital fills it',
      ),
    }),
    (s, path, ctx) => {
      if (s.principalTrainingHospital && s.kind !== 'medical-director')
        ctx.add(
          `${path}/principalTrainingHospital`,
          'INVALID_SIGNATURE_SLOTS',
          'only a medical-director place can require the principal training hospital',
        );
    },
    {
      if: {
        properties: { principalTrainingHospital: { const: true } },
        required: ['principalTrainingHospital'],
      },
      then: { properties: { kind: { const: 'medical-director' } } },
    },
  ),
);

const COMPETENCY = defs.define(
  'competency',
  refined(
    object({
      id: required(slug()),
      title: required(text()),
      signerKinds: required(list(oneOf(SUPERVISOR_KINDS)), 'kinds of supervisor who may sign'),
      slots: optional(list(SLOT), 'when present, each signature fills one of these places'),
    }),
    (c, path, ctx) =>
      c.slots?.forEach((s, i) => {
        if (!c.signerKinds.includes(s.kind))
          ctx.add(
            `${path}/slots/${i}/kind`,
            'INVALID_SIGNATURE_SLOTS',
            `a place for ${s.kind} needs ${s.kind} among "signerKinds"`,
          );
      }),
  ),
);

/** How many members may be asked to concur: a panel larger than nine is not one that meets. */
export const PANEL_QUORUMS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

// Who decides an application (docs/pathway-format.md §1.8). The quorum is the body's own
// governance, not a number read from a source, so it is a plain whole number, not a reference.
const PANEL = defs.define(
  'panel',
  described(
    object({
      quorum: required(
        oneOf(PANEL_QUORUMS),
        'how many panel members must vote for the same outcome before it is the decision',
      ),
      excludeTraineeInstitutions: optional(
        bool(),
        'true: members from an institution the trainee was enrolled, transferred or rotated to, or logged cases at, may not sit',
      ),
    }),
    "Who decides an application. Anyone who signed off the application's evidence and the trainee's supervisors never sit; absent: one member decides",
  ),
);

export const PATHWAY_SCHEMA = object({
  id: required(slug()),
  version: required(
    patterned(
      VERSION,
      'INVALID_VERSION',
      () => 'version must look like MAJOR.MINOR.PATCH, e.g. "1.0.0"',
    ),
  ),
  title: required(text()),
  issuingBody: required(text()),
  issuer: optional(slug(), 'the body that owns the id: only its accreditors publish versions'),
  source: required(SOURCE),
  status: required(oneOf(PATHWAY_STATUSES)),
  parameters: required(
    dictionary(PARAMETER_NAME, 'a parameter name is a camelCase identifier', PARAMETER),
    'every number a requirement uses by name',
    '"parameters" is required (use {} when there are none)',
  ),
  competencies: optional(list(COMPETENCY)),
  eligibility: optional(
    object({
      specialties: optional(list(oneOf(SPECIALTIES))),
      stages: optional(texts(), 'training stages, matched ignoring case'),
    }),
    'who may enrol on or apply for the pathway',
  ),
  limitations: optional(texts(), 'what the source says that this document cannot express'),
  panel: optional(PANEL),
  requirements: required(
    list(REQUIREMENT, {
      unique: false,
      emptyCode: 'NO_REQUIREMENTS',
      emptyMessage: 'a pathway with no requirements is met by anyone',
    }),
  ),
});

export const PATHWAY_NODE = described(PATHWAY_SCHEMA, 'An inr-ledger credential pathway');

export type PathwayDocument = Infer<typeof PATHWAY_SCHEMA>;
export type RequirementDocument = Infer<typeof REQUIREMENT>;
export type CaseFilterDocument = Infer<typeof CASE_FILTER>;
export type SourceDocument = Infer<typeof SOURCE>;
export type ParameterDocument = Infer<typeof PARAMETER>;
export type CompetencyDocument = Infer<typeof COMPETENCY>;
export type PanelDocument = Infer<typeof PANEL>;
