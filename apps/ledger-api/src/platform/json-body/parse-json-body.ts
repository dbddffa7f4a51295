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
 * Parses a request body: JSON objects only, bounded depth, no prototype keys. Returns the
 * object or the problem to answer with, so the content-type parser never throws a bare error.
 */
export function parseJsonBody(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; problem: ProblemException } {
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
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      // Keys that name Object.prototype members ("__proto__", "constructor", "valueOf", ...) are
      // never fields of ours; class-transformer skips them silently, so whitelisting cannot see them.
      if (key === 'prototype' || key in Object.prototype) throw new ProtoKeyError();
      return v;
    });
  } catch (error) {
    if (error instanceof ProtoKeyError) {
      return {
        ok: false,
        problem: badRequest('VALIDATION_FAILED', 'the body holds a forbidden key'),
      };
    }
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

class ProtoKeyError extends Error {}
