import { join } from 'node:path';

export type Loaded<F> = { ok: true; fn: F } | { ok: false; reason: string };

/**
 * Loads a bench function another module provides, by path relative to this directory (the
 * same in the source tree and in dist/). A missing module or export is a reason to print,
 * never a number: the table says "not measured" rather than inventing a figure.
 */
export function loadBench<F extends (...args: never[]) => unknown>(
  relativePath: string,
  name: string,
): Loaded<F> {
  let mod: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(join(__dirname, relativePath));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      reason:
        code === 'MODULE_NOT_FOUND'
          ? `${relativePath} not written yet`
          : `${relativePath} failed to load: ${String(error)}`,
    };
  }
  const fn = (mod as Record<string, unknown>)[name];
  return typeof fn === 'function'
    ? { ok: true, fn: fn as F }
    : { ok: false, reason: `${relativePath} has no ${name}()` };
}

/** The first numeric field among `keys`, for bench results whose exact shape is still settling. */
export function pickNumber(value: unknown, keys: readonly string[]): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}
