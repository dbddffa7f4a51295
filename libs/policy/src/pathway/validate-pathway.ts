import {
  ASSESSMENT_OUTCOMES,
  ASSESSMENT_TYPES,
  OPERATOR_ROLES,
  PROCEDURES,
  SUPERVISION_LEVELS,
  SUPERVISOR_KINDS,
} from '@inr/domain';
import { isIsoDate } from '../dates/iso-date';
import {
  PATHWAY_STATUSES,
  REQUIREMENT_KINDS,
  TRAINING_SETTINGS,
  type CaseFilter,
  type EvidenceWindow,
  type MaintenanceAlternative,
  type NumberRef,
  type Pathway,
  type PathwayParameter,
  type PathwaySource,
  type Requirement,
  type RequirementKind,
} from './pathway';
import type { PathwayErrorCode, PathwayValidationError } from './pathway-validation-error';

export type PathwayValidationResult =
  { ok: true; pathway: Pathway } | { ok: false; errors: PathwayValidationError[] };

type Obj = Record<string, unknown>;

const SLUG = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** Collects every problem instead of stopping at the first, so an author fixes a document in one pass. */
class Checker {
  readonly errors: PathwayValidationError[] = [];
  constructor(readonly parameters: Record<string, PathwayParameter>) {}

  add(path: string, code: PathwayErrorCode, message: string): undefined {
    this.errors.push({ path, code, message });
    return undefined;
  }

  object(value: unknown, path: string, allowed: readonly string[]): Obj | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.add(path, 'NOT_AN_OBJECT', 'expected a JSON object');
    }
    const obj = value as Obj;
    // Unknown fields are errors: a misspelt filter key would otherwise silently widen a count.
    for (const key of Object.keys(obj).sort()) {
      if (!allowed.includes(key))
        this.add(`${path}/${key}`, 'UNKNOWN_FIELD', `unknown field "${key}"`);
    }
    return obj;
  }

  string(obj: Obj, key: string, path: string, required: boolean): string | undefined {
    const value = obj[key];
    if (value === undefined) {
      return required
        ? this.add(`${path}/${key}`, 'MISSING_FIELD', `"${key}" is required`)
        : undefined;
    }
    if (typeof value !== 'string')
      return this.add(`${path}/${key}`, 'WRONG_TYPE', `"${key}" must be a string`);
    if (value.trim() === '')
      return this.add(`${path}/${key}`, 'EMPTY_VALUE', `"${key}" must not be empty`);
    return value;
  }

  slug(obj: Obj, key: string, path: string): string | undefined {
    const value = this.string(obj, key, path, true);
    if (value !== undefined && !SLUG.test(value)) {
      return this.add(
        `${path}/${key}`,
        'INVALID_ID',
        `"${key}" must be lower-case words joined by - or .`,
      );
    }
    return value;
  }

  date(obj: Obj, key: string, path: string, required: boolean): string | undefined {
    const value = this.string(obj, key, path, required);
    if (value !== undefined && !isIsoDate(value)) {
      return this.add(
        `${path}/${key}`,
        'INVALID_DATE',
        `"${key}" must be a calendar date YYYY-MM-DD`,
      );
    }
    return value;
  }

  boolean(obj: Obj, key: string, path: string, required: boolean): boolean | undefined {
    const value = obj[key];
    if (value === undefined) {
      return required
        ? this.add(`${path}/${key}`, 'MISSING_FIELD', `"${key}" is required`)
        : undefined;
    }
    if (typeof value !== 'boolean')
      return this.add(`${path}/${key}`, 'WRONG_TYPE', `"${key}" must be a boolean`);
    return value;
  }

  oneOf<T>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (!allowed.includes(value as T)) {
      return this.add(
        path,
        'INVALID_VALUE',
        `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
      );
    }
    return value as T;
  }

  enumField<T>(
    obj: Obj,
    key: string,
    path: string,
    allowed: readonly T[],
    required: boolean,
  ): T | undefined {
    if (obj[key] === undefined) {
      return required
        ? this.add(`${path}/${key}`, 'MISSING_FIELD', `"${key}" is required`)
        : undefined;
    }
    return this.oneOf(obj[key], `${path}/${key}`, allowed);
  }

  list<T>(
    obj: Obj,
    key: string,
    path: string,
    required: boolean,
    item: (value: unknown, itemPath: string) => T | undefined,
  ): T[] | undefined {
    const value = obj[key];
    const here = `${path}/${key}`;
    if (value === undefined)
      return required ? this.add(here, 'MISSING_FIELD', `"${key}" is required`) : undefined;
    if (!Array.isArray(value)) return this.add(here, 'WRONG_TYPE', `"${key}" must be an array`);
    // An empty filter list would match nothing; say so rather than ship a requirement no one can meet.
    if (value.length === 0) return this.add(here, 'EMPTY_VALUE', `"${key}" must not be empty`);
    const out: T[] = [];
    const seen = new Set<string>();
    value.forEach((element: unknown, index) => {
      const key = JSON.stringify(element);
      if (seen.has(key)) this.add(`${here}/${index}`, 'DUPLICATE_VALUE', `${key} appears twice`);
      seen.add(key);
      const parsed = item(element, `${here}/${index}`);
      if (parsed !== undefined) out.push(parsed);
    });
    return out.length === value.length ? out : undefined;
  }

  enumList<T>(
    obj: Obj,
    key: string,
    path: string,
    allowed: readonly T[],
    required: boolean,
  ): T[] | undefined {
    return this.list(obj, key, path, required, (v, p) => this.oneOf(v, p, allowed));
  }

  stringList(obj: Obj, key: string, path: string, required: boolean): string[] | undefined {
    return this.list(obj, key, path, required, (v, p) =>
      typeof v === 'string' && v.trim() !== ''
        ? v
        : this.add(p, 'WRONG_TYPE', 'must be a non-empty string'),
    );
  }

  /** A number inside a requirement: a parameter's name, or a literal a source confirms. */
  numberRef(obj: Obj, key: string, path: string, integer: boolean): NumberRef | undefined {
    const value = obj[key];
    const here = `${path}/${key}`;
    if (value === undefined) return this.add(here, 'MISSING_FIELD', `"${key}" is required`);
    if (typeof value === 'number') {
      return this.add(
        here,
        'UNSOURCED_LITERAL',
        'a bare number is not allowed: name a parameter, or write {"value", "confirmed": true, "source"}',
      );
    }
    if (typeof value === 'string') {
      const parameter = this.parameters[value];
      if (!Object.hasOwn(this.parameters, value) || parameter === undefined) {
        return this.add(here, 'UNKNOWN_PARAMETER', `no parameter named "${value}"`);
      }
      if (integer && !Number.isInteger(parameter.value)) {
        return this.add(
          here,
          'NON_INTEGER',
          `parameter "${value}" is used as a count and must be a whole number`,
        );
      }
      return value;
    }
    const literal = this.object(value, here, ['value', 'confirmed', 'source']);
    if (!literal) return undefined;
    const amount = this.number(literal, 'value', here, integer);
    const confirmed = this.boolean(literal, 'confirmed', here, true);
    const source = this.string(literal, 'source', here, false);
    if (confirmed === false) {
      return this.add(
        here,
        'UNCONFIRMED_LITERAL',
        'an unconfirmed number must be a parameter with confirmed:false',
      );
    }
    if (confirmed === true && source === undefined && literal['source'] === undefined) {
      return this.add(
        `${here}/source`,
        'CONFIRMED_WITHOUT_SOURCE',
        'a confirmed literal must cite its source',
      );
    }
    if (amount === undefined || confirmed !== true || source === undefined) return undefined;
    return { value: amount, confirmed: true, source };
  }

  number(obj: Obj, key: string, path: string, integer: boolean): number | undefined {
    const value = obj[key];
    const here = `${path}/${key}`;
    if (value === undefined) return this.add(here, 'MISSING_FIELD', `"${key}" is required`);
    if (typeof value !== 'number') return this.add(here, 'WRONG_TYPE', `"${key}" must be a number`);
    if (!Number.isFinite(value) || value < 0)
      return this.add(here, 'INVALID_NUMBER', `"${key}" must be finite and >= 0`);
    if (integer && !Number.isInteger(value))
      return this.add(here, 'NON_INTEGER', `"${key}" must be a whole number`);
    return value;
  }

  window(obj: Obj, key: string, path: string): EvidenceWindow | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    const here = `${path}/${key}`;
    const window = this.object(value, here, ['from', 'to', 'lastMonths']);
    if (!window) return undefined;
    if (window['lastMonths'] !== undefined) {
      if (window['from'] !== undefined || window['to'] !== undefined) {
        return this.add(here, 'INVALID_WINDOW', 'use either {from, to} or {lastMonths}, not both');
      }
      const lastMonths = this.numberRef(window, 'lastMonths', here, true);
      return lastMonths === undefined ? undefined : { lastMonths };
    }
    const from = this.date(window, 'from', here, false);
    const to = this.date(window, 'to', here, false);
    if (from === undefined && to === undefined) {
      return this.add(here, 'INVALID_WINDOW', 'a window needs from, to or lastMonths');
    }
    if (from !== undefined && to !== undefined && from > to) {
      return this.add(here, 'INVALID_WINDOW', '"from" is after "to"');
    }
    return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
  }
}

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
      source,
      status,
      parameters: c.parameters,
      requirements,
    },
  };
}
