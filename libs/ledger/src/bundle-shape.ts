import { parseStrictJson } from '@inr/transparency';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_V2, type ProvenanceBundle } from './bundle-types';
import { eventsShapeError, isIndex, isObject, members } from './shape-helpers';
import { foreignShapeError } from './trainee-bundle-shape';

export { eventsShapeError, isIndex, isObject, members };

// docs/ledger-format.md §8.1: exactly these members, nothing else, at each level; v2 adds
// `foreign` (§8.4).
const BUNDLE_MEMBERS = ['format', 'checkpoint', 'events', 'pathway', 'decision'];
const DECISION_MEMBERS = ['leafIndex', 'eventId', 'record'];

export type Shape = { ok: true; bundle: ProvenanceBundle } | { ok: false; reason: string };

/**
 * The `format` check on a parsed bundle. `nonInteger` holds the JSON Pointers of numbers the
 * text wrote with a fraction or exponent (from parseStrictJson): `19.0` is not a leaf index.
 */
export function checkBundleShape(
  value: unknown,
  nonInteger: ReadonlySet<string> = new Set(),
): Shape {
  const fail = (reason: string): Shape => ({ ok: false, reason });
  if (!isObject(value)) return fail('the bundle is not a JSON object');
  const v2 = value['format'] === BUNDLE_FORMAT_V2;
  const m = members(value, v2 ? [...BUNDLE_MEMBERS, 'foreign'] : BUNDLE_MEMBERS, 'bundle');
  if (m !== undefined) return fail(m);
  if (value['format'] !== BUNDLE_FORMAT && !v2)
    return fail(`not an ${BUNDLE_FORMAT} or ${BUNDLE_FORMAT_V2} bundle`);
  if (typeof value['checkpoint'] !== 'string') return fail("'checkpoint' is not a string");
  const eventsError = eventsShapeError(value['events'], nonInteger);
  if (eventsError !== undefined) return fail(eventsError);
  const decision = value['decision'];
  if (!isObject(decision)) return fail("'decision' is not an object");
  const dm = members(decision, DECISION_MEMBERS, 'decision');
  if (dm !== undefined) return fail(dm);
  if (!isIndex(decision['leafIndex']) || nonInteger.has('/decision/leafIndex'))
    return fail('decision.leafIndex is not a non-negative integer');
  if (typeof decision['eventId'] !== 'string') return fail('decision.eventId is not a string');
  if (!isObject(decision['record'])) return fail('decision.record is not an object');
  if (v2) {
    const foreign = foreignShapeError(value['foreign'], nonInteger, '', 0);
    if (foreign !== undefined) return fail(foreign);
  }
  return { ok: true, bundle: value as unknown as ProvenanceBundle };
}

/** Strict JSON (no duplicate members) and then the bundle's shape. */
export function parseBundle(text: string): Shape {
  let parsed;
  try {
    parsed = parseStrictJson(text);
  } catch (e) {
    return { ok: false, reason: `not strict JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return checkBundleShape(parsed.value, parsed.nonIntegerLexemes);
}
