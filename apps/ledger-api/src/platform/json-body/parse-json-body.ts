import { isUtf8 } from 'node:buffer';
import { isWellFormedUnicode } from '@inr/transparency';
import { badRequest, type ProblemException } from '../problem/problem.exception';

/** Deeper bodies are hostile: no command nests past a few levels, and validators recurse. */
export const MAX_JSON_DEPTH = 16;

/** Depth of `[` / `{` nesting outside strings, stopping early once past the limit. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * In valid UTF-8 text a lone surrogate can only come from a `\uD800`-`\uDFFF` escape, so bodies
 * without one (nearly all) skip the per-string check.
 */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Doubles JCS (RFC 8785) and every reader handle alike: finite and normal. Overflow (1e400 parses
 * as Infinity), subnormals (1e-320) and underflow to zero (1e-400, see holdsUnderflow) are refused
 * rather than stored as something else.
 */
const MIN_NORMAL = 2.2250738585072014e-308;
const isPlainNumber = (n: number): boolean =>
  Number.isFinite(n) && (n === 0 || Math.abs(n) >= MIN_NORMAL);

/**
 * JSON.parse turns a number too small for a double (1e-400) into 0 and hides the text it read.
 * Only a lexeme with an exponent of -100 or less, or 200 zeros after the point, can do that, so
 * bodies without one (nearly all) skip the scan.
 */
const MAY_UNDERFLOW = /[eE]-\d{3}|\.0{200}/;
const NUMBER_LEXEME = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Whether a number outside the strings of `text` has non-zero digits but parses as zero. */
export function holdsUnderflow(text: string): boolean {
  if (!MAY_UNDERFLOW.test(text)) return false;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER_LEXEME.lastIndex = i;
      const lexeme = NUMBER_LEXEME.exec(text)?.[0] ?? text[i]!;
      if (Number(lexeme) === 0 && /[1-9]/.test(lexeme.split(/[eE]/)[0]!)) return true;
      i += lexeme.length - 1;
    }
  }
  return false;
}

type Parsed =
  { ok: true; value: Record<string, unknown> } | { ok: false; problem: ProblemException };

/** Parses raw body bytes: refuses bytes that are not UTF-8 before looking at the JSON. */
export function parseJsonBytes(body: Buffer): Parsed {
  if (!isUtf8(body)) {
    return {
      ok: false,
      problem: badRequest('INVALID_UNICODE', 'the request body is not well-formed UTF-8'),
    };
  }
  return parseJsonBody(body.toString('utf8'));
}

/**
 * Parses a request body: JSON objects only, bounded depth, no prototype keys, every string
 * (keys too) well-formed Unicode, every number a normal finite double. Returns the object or the
 * problem to answer with, so the content-type parser never throws a bare error.
 */
export function parseJsonBody(text: string): Parsed {
  if (text.trim() === '')
    return { ok: false, problem: badRequest('MALFORMED_JSON', 'the request body is empty') };
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      problem: badRequest(
        'VALIDATION_FAILED',
        `the body nests deeper than ${MAX_JSON_DEPTH} levels`,
      ),
    };
  }
  if (holdsUnderflow(text)) return { ok: false, problem: NUMBER_RANGE() };
  // A raw lone surrogate in a JS string (not from bytes) has no UTF-8 form either.
  const checkStrings = SURROGATE_ESCAPE.test(text) || !isWellFormedUnicode(text);
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      // Keys that name Object.prototype members ("__proto__", "constructor", "valueOf", ...) are
      // never fields of ours; class-transformer skips them silently, so whitelisting cannot see them.
      if (key === 'prototype' || key in Object.prototype) throw new BodyRefusal(PROTO_KEY);
      if (typeof v === 'number' && !isPlainNumber(v)) throw new BodyRefusal(NUMBER_RANGE);
      if (
        checkStrings &&
        (!isWellFormedUnicode(key) || (typeof v === 'string' && !isWellFormedUnicode(v)))
      )
        throw new BodyRefusal(LONE_SURROGATE);
      return v;
    });
  } catch (error) {
    if (error instanceof BodyRefusal) return { ok: false, problem: error.problem() };
    return {
      ok: false,
      problem: badRequest('MALFORMED_JSON', 'the request body is not valid JSON'),
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problem: badRequest('VALIDATION_FAILED', 'the request body must be a JSON object'),
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

const PROTO_KEY = (): ProblemException =>
  badRequest('VALIDATION_FAILED', 'the body holds a forbidden key');
const NUMBER_RANGE = (): ProblemException =>
  badRequest(
    'NUMBER_OUT_OF_RANGE',
    'the body holds a number outside the range of a normal double (overflow or underflow)',
  );
const LONE_SURROGATE = (): ProblemException =>
  badRequest(
    'INVALID_UNICODE',
    'the body holds a string that is not well-formed Unicode (a lone surrogate)',
  );

class BodyRefusal extends Error {
  constructor(readonly problem: () => ProblemException) {
    super('body refused');
  }
}
