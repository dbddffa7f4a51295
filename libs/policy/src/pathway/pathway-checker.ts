// The validator's cursor over a document: typed reads of fields that record every problem
// with its JSON Pointer instead of stopping at the first.
import { isIsoDate } from '../dates/iso-date';
import type { EvidenceWindow, NumberRef, PathwayParameter } from './pathway';
import type { PathwayErrorCode, PathwayValidationError } from './pathway-validation-error';

export type Obj = Record<string, unknown>;

const SLUG = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** Collects every problem instead of stopping at the first, so an author fixes a document in one pass. */
export class Checker {
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
