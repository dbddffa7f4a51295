/** A value canonicalJson accepts: what JSON.parse can produce. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The value has no RFC 8785 form (NaN, Infinity, a lone surrogate, undefined, a class instance...). */
export class CanonicalJsonError extends Error {
  constructor(reason: string) {
    super(`not canonicalisable: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * RFC 8785 JSON Canonicalization Scheme. ECMAScript's own number and string serialisation
 * already is the JCS one, so the work is sorting keys (by UTF-16 code units: plain `sort()`)
 * and refusing every value JCS has no form for, so two parties never hash different bytes.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path} is ${String(value)}`);
      return JSON.stringify(value); // -0 serialises as "0", as RFC 8785 requires
    case 'string':
      return writeString(value, path);
    case 'object':
      return Array.isArray(value) ? writeArray(value, path) : writeObject(value, path);
    default:
      throw new CanonicalJsonError(`${path} is a ${typeof value}`);
  }
}

function writeString(s: string, path: string): string {
  // RFC 8785 §3.2.2.2: lone surrogates have no UTF-8 form; JSON.stringify would escape them.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) {
    throw new CanonicalJsonError(`${path} holds a lone surrogate`);
  }
  return JSON.stringify(s);
}

function writeArray(items: unknown[], path: string): string {
  return `[${items.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
}

function writeObject(obj: object, path: string): string {
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalJsonError(`${path} is not a plain object`);
  }
  const record = obj as Record<string, unknown>;
  const parts = Object.keys(record)
    .sort()
    .map((key) => `${writeString(key, path)}:${write(record[key], `${path}.${key}`)}`);
  return `{${parts.join(',')}}`;
}
