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
 *
 * Audits canonicalise every event, so the common case (JSON.parse output) takes a writer
 * that builds no paths and copies no key lists it need not; anything it is unsure of is
 * handed to the straightforward writer, which alone decides odd inputs and error messages.
 */
export function canonicalJson(value: unknown): string {
  try {
    return fast(value);
  } catch (e) {
    if (e !== NOT_FAST) throw e;
    return canonicalJsonReference(value);
  }
}

/** The straightforward RFC 8785 writer: the fast path's oracle and its fallback. */
export function canonicalJsonReference(value: unknown): string {
  return write(value, '$');
}

// Thrown (never escaping canonicalJson) when the fast writer meets anything but plain JSON.
const NOT_FAST: unique symbol = Symbol('not fast');

function fast(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw NOT_FAST;
      return String(value); // Number::toString is the JCS form; String(-0) is "0"
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? fastArray(value) : fastObject(value);
    default:
      throw NOT_FAST;
  }
}

function fastArray(items: readonly unknown[]): string {
  if (items.length === 0) return '[]';
  let out = `[${fast(items[0])}`;
  for (let i = 1; i < items.length; i++) out += `,${fast(items[i])}`; // a hole is undefined: bails
  return `${out}]`;
}

function fastObject(obj: object): string {
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) throw NOT_FAST;
  const record = obj as Record<string, unknown>;
  const keys = Object.keys(record);
  // Parsed JSON is often already in order; `<` compares UTF-16 code units, as sort() does.
  for (let i = 1; i < keys.length; i++) {
    if (!((keys[i - 1] as string) < (keys[i] as string))) {
      keys.sort();
      break;
    }
  }
  if (keys.length === 0) return '{}';
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out += `${i === 0 ? '' : ','}${quote(key)}:${fast(record[key])}`;
  }
  return `${out}}`;
}

/** JSON.stringify of a string, skipping the native call when nothing needs escaping. */
function quote(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Controls, '"', '\\' need escapes; surrogates need the lone-surrogate check.
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
      if (hasLoneSurrogate(s)) throw NOT_FAST;
      return JSON.stringify(s);
    }
  }
  return `"${s}"`;
}

/**
 * For writers of a fixed shape (the leaf): `fn` builds the text from fastJson pieces,
 * which bail out on anything unusual; then `slow` (the general writer) decides instead.
 */
export function withFallback(fn: () => string, slow: () => string): string {
  try {
    return fn();
  } catch (e) {
    if (e !== NOT_FAST) throw e;
    return slow();
  }
}

/** The canonical form of `value`, bailing out (see withFallback) on anything unusual. */
export const fastJson: (value: unknown) => string = fast;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);

/**
 * True when `s` is well-formed UTF-16 (no lone surrogate), i.e. has a UTF-8 form and so an
 * RFC 8785 encoding. Writers check input with it before it can reach a leaf.
 */
export const isWellFormedUnicode = (s: string): boolean => !hasLoneSurrogate(s);

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
  if (hasLoneSurrogate(s)) throw new CanonicalJsonError(`${path} holds a lone surrogate`);
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
