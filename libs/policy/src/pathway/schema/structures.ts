// Structured nodes: closed objects, lists, maps keyed by name, and unions tagged by a member.
import type { PathwayErrorCode } from '../pathway-validation-error';
import {
  isPlainObject,
  memberName,
  type Infer,
  type JsonSchema,
  type SchemaNode,
} from './schema-node';

export interface Member<T, Required extends boolean> {
  node: SchemaNode<T>;
  required: Required;
  /** The message when a required member is absent, if "is required" does not say enough. */
  missing?: string;
  description?: string;
}

export const required = <T>(
  node: SchemaNode<T>,
  description?: string,
  missing?: string,
): Member<T, true> => ({
  node,
  required: true,
  ...(description !== undefined && { description }),
  ...(missing !== undefined && { missing }),
});

export const optional = <T>(node: SchemaNode<T>, description?: string): Member<T, false> => ({
  node,
  required: false,
  ...(description !== undefined && { description }),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any member type
type Members = Record<string, Member<any, boolean>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type RequiredKeys<M extends Members> = {
  [K in keyof M]: M[K]['required'] extends true ? K : never;
}[keyof M];
export type ObjectOf<M extends Members> = Simplify<
  { [K in RequiredKeys<M>]: Infer<M[K]['node']> } & {
    [K in Exclude<keyof M, RequiredKeys<M>>]?: Infer<M[K]['node']>;
  }
>;

function memberSchema(member: Member<unknown, boolean>): JsonSchema {
  const schema = member.node.jsonSchema();
  return member.description === undefined ? schema : { description: member.description, ...schema };
}

/**
 * A JSON object with exactly these members: an unknown member is an error (a misspelt filter
 * key would otherwise silently widen a count). Members are read in the order written here.
 */
export function object<M extends Members>(members: M): SchemaNode<ObjectOf<M>> {
  const names = Object.keys(members);
  const entries = Object.entries(members);
  return {
    read(value, path, ctx) {
      if (!isPlainObject(value)) return ctx.add(path, 'NOT_AN_OBJECT', 'expected a JSON object');
      const before = ctx.errors.length;
      const unknown = Object.keys(value).filter((key) => !names.includes(key));
      for (const key of unknown.sort())
        ctx.add(`${path}/${key}`, 'UNKNOWN_FIELD', `unknown field "${key}"`);
      const out: Record<string, unknown> = {};
      for (const [name, member] of entries) {
        if (value[name] === undefined) {
          if (member.required)
            ctx.add(`${path}/${name}`, 'MISSING_FIELD', member.missing ?? `"${name}" is required`);
          continue;
        }
        const read: unknown = member.node.read(value[name], `${path}/${name}`, ctx);
        if (read !== undefined) out[name] = read;
      }
      return ctx.errors.length === before ? (out as ObjectOf<M>) : undefined;
    },
    jsonSchema: () => ({
      type: 'object',
      properties: Object.fromEntries(
        Object.entries(members).map(([name, member]) => [name, memberSchema(member)]),
      ),
      required: names.filter((name) => members[name]?.required),
      additionalProperties: false,
    }),
  };
}

export interface ListOptions {
  /** The code for an empty list (an empty filter list would match nothing). */
  emptyCode?: PathwayErrorCode;
  emptyMessage?: string;
  /** Report equal items (DUPLICATE_VALUE); a list of records checks its own ids instead. */
  unique?: boolean;
}

/** Equal JSON values get equal keys: members sorted, as JSON Schema's uniqueItems compares. */
function sameValueKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sameValueKey).join(',')}]`;
  if (isPlainObject(value)) {
    const members = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sameValueKey(value[k])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A non-empty array of items. */
export function list<T>(item: SchemaNode<T>, options: ListOptions = {}): SchemaNode<T[]> {
  const unique = options.unique ?? true;
  return {
    read(value, path, ctx) {
      const name = memberName(path);
      if (!Array.isArray(value)) return ctx.add(path, 'WRONG_TYPE', `"${name}" must be an array`);
      if (value.length === 0) {
        return ctx.add(
          path,
          options.emptyCode ?? 'EMPTY_VALUE',
          options.emptyMessage ?? `"${name}" must not be empty`,
        );
      }
      const out: T[] = [];
      const seen = new Set<string>();
      value.forEach((element: unknown, index) => {
        if (unique) {
          const key = sameValueKey(element);
          if (seen.has(key))
            ctx.add(
              `${path}/${index}`,
              'DUPLICATE_VALUE',
              `${JSON.stringify(element)} appears twice`,
            );
          seen.add(key);
        }
        const read = item.read(element, `${path}/${index}`, ctx);
        if (read !== undefined) out.push(read);
      });
      return out.length === value.length ? out : undefined;
    },
    jsonSchema: () => ({
      type: 'array',
      items: item.jsonSchema(),
      minItems: 1,
      ...(unique && { uniqueItems: true }),
    }),
  };
}

/** A JSON object used as a map: names matching `pattern`, each value read by `item`. */
export function dictionary<T>(
  pattern: RegExp,
  nameMessage: string,
  item: SchemaNode<T>,
): SchemaNode<Record<string, T>> {
  return {
    read(value, path, ctx) {
      if (!isPlainObject(value)) return ctx.add(path, 'NOT_AN_OBJECT', 'expected a JSON object');
      const before = ctx.errors.length;
      const out: Record<string, T> = {};
      for (const name of Object.keys(value).sort()) {
        const here = `${path}/${name}`;
        if (!pattern.test(name)) ctx.add(here, 'INVALID_ID', nameMessage);
        const read = item.read(value[name], here, ctx);
        if (read !== undefined) out[name] = read;
      }
      return ctx.errors.length === before ? out : undefined;
    },
    jsonSchema: () => ({
      type: 'object',
      propertyNames: { pattern: pattern.source },
      additionalProperties: item.jsonSchema(),
    }),
  };
}

/**
 * An object whose member `tag` says which variant it is; each variant is a closed object
 * whose `tag` member is the constant naming it. A member borrowed from another variant is
 * therefore an unknown member.
 */
export function tagged<Tag extends string, V extends Record<string, SchemaNode<object>>>(
  tag: Tag,
  variants: V,
  unknownCode: PathwayErrorCode,
): SchemaNode<Infer<V[keyof V]>> {
  const names = Object.keys(variants);
  return {
    read(value, path, ctx) {
      if (!isPlainObject(value)) return ctx.add(path, 'NOT_AN_OBJECT', 'expected a JSON object');
      const name = value[tag];
      if (name === undefined)
        return ctx.add(`${path}/${tag}`, 'MISSING_FIELD', `"${tag}" is required`);
      const variant = typeof name === 'string' ? variants[name] : undefined;
      if (variant === undefined || !Object.hasOwn(variants, name as string))
        return ctx.add(`${path}/${tag}`, unknownCode, `${tag} must be one of ${names.join(', ')}`);
      return variant.read(value, path, ctx) as Infer<V[keyof V]> | undefined;
    },
    jsonSchema: () => ({
      type: 'object',
      required: [tag],
      properties: { [tag]: { enum: names } },
      oneOf: Object.values(variants).map((v) => v.jsonSchema()),
    }),
  };
}
