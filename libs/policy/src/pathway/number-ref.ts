// Numbers inside requirements and evidence windows. A number is either the name of a
// parameter (so an unconfirmed number stays visible as such) or a literal a source confirms.
import { isPlainObject, type Infer, type SchemaNode } from './schema/schema-node';
import { bool, constant, date, nonNegative, text } from './schema/scalars';
import { object, optional, required } from './schema/structures';

/** A parameter's name: a camelCase identifier. */
export const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

const literal = (integer: boolean) =>
  object({
    value: required(nonNegative(integer)),
    confirmed: required(constant(true)),
    source: required(text()),
  });

/** An inline number is allowed only when a source confirms it; anything else is a parameter. */
export type ConfirmedLiteral = Infer<ReturnType<typeof literal>>;
/** Either the name of a parameter or a confirmed literal. */
export type NumberRef = string | ConfirmedLiteral;

/**
 * A number: a parameter's name (checked against `parameters` by the rules, which is why the
 * name is recorded in the context), or `{value, confirmed: true, source}`. With `integer`,
 * the number must be whole (a count, a window in months).
 */
export function numberRef(integer: boolean): SchemaNode<NumberRef> {
  const reading = object({
    value: required(nonNegative(integer)),
    confirmed: required(bool()),
    source: optional(text()),
  });
  return {
    read(value, path, ctx) {
      if (typeof value === 'number') {
        return ctx.add(
          path,
          'UNSOURCED_LITERAL',
          'a bare number is not allowed: name a parameter, or write {"value", "confirmed": true, "source"}',
        );
      }
      if (typeof value === 'string') {
        ctx.parameterUses.push({ path, name: value, integer });
        return value;
      }
      const read = reading.read(value, path, ctx);
      if (isPlainObject(value) && value['confirmed'] === false) {
        return ctx.add(
          path,
          'UNCONFIRMED_LITERAL',
          'an unconfirmed number must be a parameter with confirmed:false',
        );
      }
      if (read === undefined) return undefined;
      if (read.source === undefined) {
        return ctx.add(
          `${path}/source`,
          'CONFIRMED_WITHOUT_SOURCE',
          'a confirmed literal must cite its source',
        );
      }
      return { value: read.value, confirmed: true, source: read.source };
    },
    jsonSchema: () => ({
      oneOf: [
        { description: 'the name of a parameter', type: 'string', pattern: PARAMETER_NAME.source },
        { description: 'a number its source confirms', ...literal(integer).jsonSchema() },
      ],
    }),
  };
}

/** Inclusive performed-date bounds, or a rolling window ending on the evaluation's as-of date. */
export type EvidenceWindow = { from?: string; to?: string } | { lastMonths: NumberRef };

const DATES = object({ from: optional(date()), to: optional(date()) });
const ROLLING = object({ lastMonths: required(numberRef(true)) });

/** `{from?, to?}` (at least one, from ≤ to) or `{lastMonths}`, never both. */
export function evidenceWindow(): SchemaNode<EvidenceWindow> {
  return {
    read(value, path, ctx) {
      if (!isPlainObject(value)) return ctx.add(path, 'NOT_AN_OBJECT', 'expected a JSON object');
      if (value['lastMonths'] !== undefined) {
        if (value['from'] !== undefined || value['to'] !== undefined)
          return ctx.add(path, 'INVALID_WINDOW', 'use either {from, to} or {lastMonths}, not both');
        return ROLLING.read(value, path, ctx);
      }
      const dates = DATES.read(value, path, ctx);
      if (dates === undefined) return undefined;
      if (dates.from === undefined && dates.to === undefined)
        return ctx.add(path, 'INVALID_WINDOW', 'a window needs from, to or lastMonths');
      if (dates.from !== undefined && dates.to !== undefined && dates.from > dates.to)
        return ctx.add(path, 'INVALID_WINDOW', '"from" is after "to"');
      return dates;
    },
    jsonSchema: () => ({
      oneOf: [{ ...DATES.jsonSchema(), minProperties: 1 }, ROLLING.jsonSchema()],
    }),
  };
}
