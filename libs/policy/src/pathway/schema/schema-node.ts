// A small schema language for the pathway document: each node reads a JSON value (recording
// every problem with a stable code and its JSON Pointer) and describes itself as JSON Schema
// (draft 2020-12). The TypeScript types follow from the nodes (`Infer`), so the document's
// structure is written once. No library: the stable error codes are part of the published
// format (docs/pathway-format.md), and a library's own issue codes would need a second
// definition to map them.
import type { PathwayErrorCode, PathwayValidationError } from '../pathway-validation-error';

export type JsonSchema = { [key: string]: unknown };

/** A number written as a parameter's name, seen while reading; the rules resolve it later. */
export interface ParameterUse {
  path: string;
  name: string;
  /** The place needs a whole number (a count, a window in months). */
  integer: boolean;
}

/** What one read collects: every problem, and every parameter the document names. */
export class ReadContext {
  readonly errors: PathwayValidationError[] = [];
  readonly parameterUses: ParameterUse[] = [];

  add(path: string, code: PathwayErrorCode, message: string): undefined {
    this.errors.push({ path, code, message });
    return undefined;
  }
}

export interface SchemaNode<T> {
  /** A fresh copy of `value` when it is valid here; otherwise undefined, with the reasons in ctx. */
  read(value: unknown, path: string, ctx: ReadContext): T | undefined;
  /** This node as JSON Schema: a document valid here always validates against it. */
  jsonSchema(): JsonSchema;
}

export type Infer<N> = N extends SchemaNode<infer T> ? T : never;

/** The member name a JSON Pointer ends with, for messages. */
export const memberName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A node described for authors: `description` goes into the JSON Schema. */
export function described<T>(node: SchemaNode<T>, description: string): SchemaNode<T> {
  return {
    read: (value, path, ctx) => node.read(value, path, ctx),
    jsonSchema: () => ({ description, ...node.jsonSchema() }),
  };
}

/**
 * A node with a rule checked after its structure (`check` adds errors to ctx). `schema` is
 * the rule in JSON Schema when it can be written there; otherwise docs/pathway-format.md
 * lists it among the rules beyond the schema.
 */
export function refined<T>(
  node: SchemaNode<T>,
  check: (value: T, path: string, ctx: ReadContext) => void,
  schema: JsonSchema = {},
): SchemaNode<T> {
  return {
    read(value, path, ctx) {
      const before = ctx.errors.length;
      const read = node.read(value, path, ctx);
      if (read === undefined) return undefined;
      check(read, path, ctx);
      return ctx.errors.length === before ? read : undefined;
    },
    jsonSchema: () => ({ ...node.jsonSchema(), ...schema }),
  };
}

/**
 * Named parts of a schema: each is written once in the JSON Schema's `$defs` and referred to
 * by `$ref`, so the published schema reads like the format's own vocabulary.
 */
export class Definitions {
  private readonly nodes = new Map<string, SchemaNode<unknown>>();

  define<T>(name: string, node: SchemaNode<T>): SchemaNode<T> {
    this.nodes.set(name, node);
    return {
      read: (value, path, ctx) => node.read(value, path, ctx),
      jsonSchema: () => ({ $ref: `#/$defs/${name}` }),
    };
  }

  jsonSchema(): JsonSchema {
    return Object.fromEntries([...this.nodes].map(([name, node]) => [name, node.jsonSchema()]));
  }
}
