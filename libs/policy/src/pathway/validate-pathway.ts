import {
  ASSESSMENT_OUTCOMES,
  ASSESSMENT_TYPES,
  OPERATOR_ROLES,
  PROCEDURES,
  SUPERVISION_LEVELS,
  SUPERVISOR_KINDS,
} from '@inr/domain';
import {
  PATHWAY_STATUSES,
  REQUIREMENT_KINDS,
  TRAINING_SETTINGS,
  type CaseFilter,
  type MaintenanceAlternative,
  type Pathway,
  type PathwayParameter,
  type PathwaySource,
  type Requirement,
  type RequirementKind,
} from './pathway';
import { Checker, type Obj } from './pathway-checker';
import { catalogueParts, checkCompetencyReferences } from './validate-pathway-catalogue';
import type { PathwayValidationError } from './pathway-validation-error';

export type PathwayValidationResult =
  { ok: true; pathway: Pathway } | { ok: false; errors: PathwayValidationError[] };

const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

const CASE_FILTER_FIELDS = [
  'procedures',
  'operatorRoles',
  'minSupervisionLevel',
  'signedOff',
  'institutionIds',
  'ruptured',
  'window',
] as const;

function caseFilter(
  c: Checker,
  value: unknown,
  path: string,
  fields: readonly string[],
): CaseFilter | undefined {
  const obj = c.object(value, path, fields);
  if (!obj) return undefined;
  const before = c.errors.length;
  const filter: CaseFilter = {};
  const procedures = c.enumList(obj, 'procedures', path, PROCEDURES, false);
  const operatorRoles = c.enumList(obj, 'operatorRoles', path, OPERATOR_ROLES, false);
  const minSupervisionLevel = c.enumField(
    obj,
    'minSupervisionLevel',
    path,
    SUPERVISION_LEVELS,
    false,
  );
  const signedOff = c.boolean(obj, 'signedOff', path, false);
  const institutionIds = c.stringList(obj, 'institutionIds', path, false);
  const ruptured = c.boolean(obj, 'ruptured', path, false);
  const window = c.window(obj, 'window', path);
  if (procedures) filter.procedures = procedures;
  if (operatorRoles) filter.operatorRoles = operatorRoles;
  if (minSupervisionLevel !== undefined) filter.minSupervisionLevel = minSupervisionLevel;
  if (signedOff !== undefined) filter.signedOff = signedOff;
  if (institutionIds) filter.institutionIds = institutionIds;
  if (ruptured !== undefined) filter.ruptured = ruptured;
  if (window) filter.window = window;
  return c.errors.length === before ? filter : undefined;
}

const COMMON = ['id', 'kind', 'description'] as const;

const KIND_FIELDS: Record<RequirementKind, readonly string[]> = {
  cases: ['target', 'filter'],
  assessments: ['type', 'outcome', 'procedure', 'target', 'window'],
  'distinct-signers': ['competencyId', 'signerKinds', 'count'],
  'dual-signoff': ['competencyId'],
  'training-time': ['settings', 'months'],
  rota: ['minShifts', 'window'],
  maintenance: ['filter', 'alternatives'],
};

function requirement(c: Checker, value: unknown, path: string): Requirement | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return c.add(path, 'NOT_AN_OBJECT', 'expected a JSON object');
  }
  const rawKind = (value as Obj)['kind'];
  if (rawKind === undefined) return c.add(`${path}/kind`, 'MISSING_FIELD', '"kind" is required');
  if (!REQUIREMENT_KINDS.includes(rawKind as RequirementKind)) {
    return c.add(
      `${path}/kind`,
      'UNKNOWN_REQUIREMENT_KIND',
      `kind must be one of ${REQUIREMENT_KINDS.join(', ')}`,
    );
  }
  const kind = rawKind as RequirementKind;
  // Fields are checked against the kind's own list, so a field borrowed from another kind is reported.
  const probe = c.object(value, path, [...COMMON, ...KIND_FIELDS[kind]]) ?? {};
  const id = c.slug(probe, 'id', path);
  const description = c.string(probe, 'description', path, true);
  const start = c.errors.length;
  let built: Requirement | undefined;
  switch (kind) {
    case 'cases': {
      const target = c.numberRef(probe, 'target', path, true);
      const filter =
        probe['filter'] === undefined
          ? c.add(`${path}/filter`, 'MISSING_FIELD', '"filter" is required')
          : caseFilter(c, probe['filter'], `${path}/filter`, CASE_FILTER_FIELDS);
      if (target !== undefined && filter)
        built = { id: id ?? '', kind, description: description ?? '', target, filter };
      break;
    }
    case 'assessments': {
      const type = c.enumField(probe, 'type', path, ASSESSMENT_TYPES, true);
      const outcome = c.enumField(probe, 'outcome', path, ASSESSMENT_OUTCOMES, false);
      const procedure = c.enumField(probe, 'procedure', path, PROCEDURES, false);
      const target = c.numberRef(probe, 'target', path, true);
      const window = c.window(probe, 'window', path);
      if (type !== undefined && target !== undefined) {
        built = {
          id: id ?? '',
          kind,
          description: description ?? '',
          type,
          ...(outcome !== undefined && { outcome }),
          ...(procedure !== undefined && { procedure }),
          target,
          ...(window !== undefined && { window }),
        };
      }
      break;
    }
    case 'distinct-signers': {
      const competencyId = c.string(probe, 'competencyId', path, true);
      const signerKinds = c.enumList(probe, 'signerKinds', path, SUPERVISOR_KINDS, true);
      const count = c.numberRef(probe, 'count', path, true);
      if (competencyId !== undefined && signerKinds && count !== undefined) {
        built = {
          id: id ?? '',
          kind,
          description: description ?? '',
          competencyId,
          signerKinds,
          count,
        };
      }
      break;
    }
    case 'dual-signoff': {
      const competencyId = c.string(probe, 'competencyId', path, true);
      if (competencyId !== undefined)
        built = { id: id ?? '', kind, description: description ?? '', competencyId };
      break;
    }
    case 'training-time': {
      const settings = c.enumList(probe, 'settings', path, TRAINING_SETTINGS, false);
      const months = c.numberRef(probe, 'months', path, false);
      if (months !== undefined && (settings || probe['settings'] === undefined)) {
        built = {
          id: id ?? '',
          kind,
          description: description ?? '',
          ...(settings && { settings }),
          months,
        };
      }
      break;
    }
    case 'rota': {
      const minShifts = c.numberRef(probe, 'minShifts', path, true);
      const window = c.window(probe, 'window', path);
      if (minShifts !== undefined) {
        built = {
          id: id ?? '',
          kind,
          description: description ?? '',
          minShifts,
          ...(window && { window }),
        };
      }
      break;
    }
    case 'maintenance': {
      // Cases at other hospitals count (Joint Commission 2019), so an institution filter is refused.
      const filter =
        probe['filter'] === undefined
          ? c.add(`${path}/filter`, 'MISSING_FIELD', '"filter" is required')
          : caseFilter(
              c,
              probe['filter'],
              `${path}/filter`,
              CASE_FILTER_FIELDS.filter((f) => f !== 'institutionIds' && f !== 'window'),
            );
      const alternatives = c.list(
        probe,
        'alternatives',
        path,
        true,
        (v, p): MaintenanceAlternative | undefined => {
          const alt = c.object(v, p, ['count', 'months']);
          if (!alt) return undefined;
          const count = c.numberRef(alt, 'count', p, true);
          const months = c.numberRef(alt, 'months', p, true);
          return count !== undefined && months !== undefined ? { count, months } : undefined;
        },
      );
      if (filter && alternatives)
        built = { id: id ?? '', kind, description: description ?? '', filter, alternatives };
      break;
    }
  }
  return c.errors.length === start && id !== undefined && description !== undefined
    ? built
    : undefined;
}

function parameters(c: Checker, probe: Obj): Record<string, PathwayParameter> {
  const out: Record<string, PathwayParameter> = {};
  const value = probe['parameters'];
  if (value === undefined) {
    c.add('/parameters', 'MISSING_FIELD', '"parameters" is required (use {} when there are none)');
    return out;
  }
  const params =
    typeof value === 'object' && value !== null
      ? c.object(value, '/parameters', Object.keys(value))
      : c.object(value, '/parameters', []);
  if (!params) return out;
  for (const name of Object.keys(params).sort()) {
    const path = `/parameters/${name}`;
    if (!PARAMETER_NAME.test(name))
      c.add(path, 'INVALID_ID', 'a parameter name is a camelCase identifier');
    const p = c.object(params[name], path, ['value', 'confirmed', 'source', 'note']);
    if (!p) continue;
    const amount = c.number(p, 'value', path, false);
    const confirmed = c.boolean(p, 'confirmed', path, true);
    const source = c.string(p, 'source', path, false);
    const note = c.string(p, 'note', path, false);
    if (confirmed === true && p['source'] === undefined) {
      c.add(
        `${path}/source`,
        'CONFIRMED_WITHOUT_SOURCE',
        'a confirmed parameter must cite its source',
      );
    }
    if (amount === undefined || confirmed === undefined) continue;
    out[name] = {
      value: amount,
      confirmed,
      ...(source !== undefined && { source }),
      ...(note !== undefined && { note }),
    };
  }
  return out;
}

const TOP_LEVEL_FIELDS = [
  'id',
  'version',
  'title',
  'issuingBody',
  'source',
  'status',
  'parameters',
  'requirements',
  'issuer',
  'competencies',
  'eligibility',
  'limitations',
] as const;

/** Checks a pathway document and returns a fresh, typed copy; never throws on bad input. */
export function validatePathway(json: unknown): PathwayValidationResult {
  const root = new Checker({});
  const obj = root.object(json, '', TOP_LEVEL_FIELDS);
  if (!obj) return { ok: false, errors: root.errors };
  const c = new Checker(parameters(root, obj));
  c.errors.push(...root.errors);
  const id = c.slug(obj, 'id', '');
  const version = c.string(obj, 'version', '', true);
  if (version !== undefined && !VERSION.test(version)) {
    c.add('/version', 'INVALID_VERSION', 'version must look like MAJOR.MINOR.PATCH, e.g. "1.0.0"');
  }
  const title = c.string(obj, 'title', '', true);
  const issuingBody = c.string(obj, 'issuingBody', '', true);
  const status = c.enumField(obj, 'status', '', PATHWAY_STATUSES, true);
  let source: PathwaySource | undefined;
  if (obj['source'] === undefined) c.add('/source', 'MISSING_FIELD', '"source" is required');
  else {
    const s = c.object(obj['source'], '/source', ['citation', 'url', 'readOn', 'note']);
    if (s) {
      const citation = c.string(s, 'citation', '/source', true);
      const url = c.string(s, 'url', '/source', false);
      const readOn = c.date(s, 'readOn', '/source', true);
      const note = c.string(s, 'note', '/source', false);
      if (citation !== undefined && readOn !== undefined) {
        source = {
          citation,
          ...(url !== undefined && { url }),
          readOn,
          ...(note !== undefined && { note }),
        };
      }
    }
  }
  const requirements: Requirement[] = [];
  const raw = obj['requirements'];
  if (raw === undefined) c.add('/requirements', 'MISSING_FIELD', '"requirements" is required');
  else if (!Array.isArray(raw))
    c.add('/requirements', 'WRONG_TYPE', '"requirements" must be an array');
  else if (raw.length === 0)
    c.add('/requirements', 'NO_REQUIREMENTS', 'a pathway with no requirements is met by anyone');
  else {
    const ids = new Set<string>();
    raw.forEach((item: unknown, index) => {
      const r = requirement(c, item, `/requirements/${index}`);
      if (!r) return;
      if (ids.has(r.id))
        c.add(`/requirements/${index}/id`, 'DUPLICATE_REQUIREMENT_ID', `"${r.id}" is used twice`);
      ids.add(r.id);
      requirements.push(r);
    });
  }
  const parts = catalogueParts(c, obj);
  checkCompetencyReferences(c, parts.competencies, requirements);
  if (
    c.errors.length > 0 ||
    id === undefined ||
    version === undefined ||
    title === undefined ||
    issuingBody === undefined ||
    status === undefined ||
    source === undefined
  ) {
    return { ok: false, errors: c.errors };
  }
  return {
    ok: true,
    pathway: {
      id,
      version,
      title,
      issuingBody,
      ...(parts.issuer !== undefined && { issuer: parts.issuer }),
      source,
      status,
      parameters: c.parameters,
      ...(parts.competencies && { competencies: parts.competencies }),
      ...(parts.eligibility && { eligibility: parts.eligibility }),
      ...(parts.limitations && { limitations: parts.limitations }),
      requirements,
    },
  };
}
