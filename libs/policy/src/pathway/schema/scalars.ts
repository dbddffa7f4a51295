// Scalar nodes: strings (plain, patterned, dates), booleans, numbers and closed vocabularies.
import { isIsoDate } from '../../dates/iso-date';
import type { PathwayErrorCode } from '../pathway-validation-error';
import { memberName, type SchemaNode } from './schema-node';

/** Not blank: ECMAScript's \S is exactly what String.prototype.trim leaves. */
const NOT_BLANK = '\\S';

/** A string with at least one non-space character. */
export function text(): SchemaNode<string> {
  return {
    read(value, path, ctx) {
      const name = memberName(path);
      if (typeof value !== 'string')
        return ctx.add(path, 'WRONG_TYPE', `"${name}" must be a string`);
      if (value.trim() === '') return ctx.add(path, 'EMPTY_VALUE', `"${name}" must not be empty`);
      return value;
    },
    jsonSchema: () => ({ type: 'string', pattern: NOT_BLANK }),
  };
}

/** A string matching `pattern`; anything else is `code` with `message`. */
export function patterned(
  pattern: RegExp,
  code: PathwayErrorCode,
  message: (name: string) => string,
): SchemaNode<string> {
  const base = text();
  return {
    read(value, path, ctx) {
      const s = base.read(value, path, ctx);
      if (s !== undefined && !pattern.test(s))
        return ctx.add(path, code, message(memberName(path)));
      return s;
    },
    jsonSchema: () => ({ type: 'string', pattern: pattern.source }),
  };
}

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
export function date(): SchemaNode<string> {
  const base = text();
  return {
    read(value, path, ctx) {
      const s = base.read(value, path, ctx);
      if (s !== undefined && !isIsoDate(s)) {
        return ctx.add(
          path,
          'INVALID_DATE',
          `"${memberName(path)}" must be a calendar date YYYY-MM-DD`,
        );
      }
      return s;
    },
    jsonSchema: () => ({ type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', format: 'date' }),
  };
}

export function bool(): SchemaNode<boolean> {
  return {
    read: (value, path, ctx) =>
      typeof value === 'boolean'
        ? value
        : ctx.add(path, 'WRONG_TYPE', `"${memberName(path)}" must be a boolean`),
    jsonSchema: () => ({ type: 'boolean' }),
  };
}

/** A finite number ≥ 0; with `integer`, a whole one. */
export function nonNegative(integer: boolean): SchemaNode<number> {
  return {
    read(value, path, ctx) {
      const name = memberName(path);
      if (typeof value !== 'number')
        return ctx.add(path, 'WRONG_TYPE', `"${name}" must be a number`);
      if (!Number.isFinite(value) || value < 0)
        return ctx.add(path, 'INVALID_NUMBER', `"${name}" must be finite and >= 0`);
      if (integer && !Number.isInteger(value))
        return ctx.add(path, 'NON_INTEGER', `"${name}" must be a whole number`);
      return value;
    },
    jsonSchema: () => ({ type: integer ? 'integer' : 'number', minimum: 0 }),
  };
}

/** One of a closed vocabulary (strings or numbers). */
export function oneOf<const T extends string | number>(allowed: readonly T[]): SchemaNode<T> {
  return {
    read: (value, path, ctx) =>
      allowed.includes(value as T)
        ? (value as T)
        : ctx.add(
            path,
            'INVALID_VALUE',
            `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
          ),
    jsonSchema: () => ({ enum: [...allowed] }),
  };
}

/** Exactly this value (a discriminator, or `confirmed: true`). */
export function constant<const T extends string | boolean>(expected: T): SchemaNode<T> {
  return {
    read: (value, path, ctx) =>
      value === expected
        ? expected
        : ctx.add(path, 'INVALID_VALUE', `must be ${JSON.stringify(expected)}`),
    jsonSchema: () => ({ const: expected }),
  };
}
