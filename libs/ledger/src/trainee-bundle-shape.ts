import { parseStrictJson } from '@inr/transparency';
import { eventsShapeError, isIndex, isObject, members } from './shape-helpers';
import { TRAINEE_BUNDLE_FORMAT, type TraineeBundle } from './trainee-bundle-types';

const MEMBERS = ['format', 'traineeId', 'checkpoint', 'commitment', 'events', 'foreign'];
/** Recognitions of recognitions nest; deeper than this is refused rather than followed. */
export const MAX_FOREIGN_DEPTH = 4;

export type TraineeShape = { ok: true; bundle: TraineeBundle } | { ok: false; reason: string };

/** The `format` check (§15.2), applied to nested foreign bundles too. */
export function checkTraineeBundleShape(
  value: unknown,
  nonInteger: ReadonlySet<string> = new Set(),
  pointer = '',
  depth = 0,
): TraineeShape {
  const fail = (reason: string): TraineeShape => ({
    ok: false,
    reason: pointer === '' ? reason : `${pointer}: ${reason}`,
  });
  if (!isObject(value)) return fail('the bundle is not a JSON object');
  const m = members(value, MEMBERS, 'bundle');
  if (m !== undefined) return fail(m);
  if (value['format'] !== TRAINEE_BUNDLE_FORMAT)
    return fail(`not an ${TRAINEE_BUNDLE_FORMAT} bundle`);
  if (typeof value['traineeId'] !== 'string' || value['traineeId'] === '')
    return fail("'traineeId' is not a non-empty string");
  if (typeof value['checkpoint'] !== 'string') return fail("'checkpoint' is not a string");
  if (!isIndex(value['commitment']) || nonInteger.has(`${pointer}/commitment`))
    return fail("'commitment' is not a non-negative integer");
  const events = eventsShapeError(value['events'], nonInteger, `${pointer}/events`);
  if (events !== undefined) return fail(events);
  const foreign = foreignShapeError(value['foreign'], nonInteger, pointer, depth);
  if (foreign !== undefined) return { ok: false, reason: foreign };
  return { ok: true, bundle: value as unknown as TraineeBundle };
}

/**
 * The `foreign` member of a trainee bundle or a v2 decision bundle sitting at `pointer`, `depth`
 * bundles deep: an array of trainee bundles, each of the §15.2 shape (its reason is prefixed
 * with the nested bundle's JSON Pointer).
 */
export function foreignShapeError(
  foreign: unknown,
  nonInteger: ReadonlySet<string>,
  pointer: string,
  depth: number,
): string | undefined {
  const where = pointer === '' ? '' : `${pointer}: `;
  if (!Array.isArray(foreign)) return `${where}'foreign' is not an array`;
  if (foreign.length > 0 && depth >= MAX_FOREIGN_DEPTH)
    return `${where}foreign bundles nest deeper than ${MAX_FOREIGN_DEPTH}`;
  for (const [i, f] of foreign.entries()) {
    const nested = checkTraineeBundleShape(f, nonInteger, `${pointer}/foreign/${i}`, depth + 1);
    if (!nested.ok) return nested.reason;
  }
  return undefined;
}

/** Strict JSON, then the shape: what a receiving ledger does with an uploaded bundle. */
export function parseTraineeBundle(text: string): TraineeShape {
  let parsed;
  try {
    parsed = parseStrictJson(text);
  } catch (e) {
    return { ok: false, reason: `not strict JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return checkTraineeBundleShape(parsed.value, parsed.nonIntegerLexemes);
}
