import { parseStrictJson } from '@inr/transparency';
import { BUNDLE_FORMAT, type ProvenanceBundle } from './bundle-types';

// docs/ledger-format.md §8.1: exactly these members, nothing else, at each level.
const BUNDLE_MEMBERS = ['format', 'checkpoint', 'events', 'pathway', 'decision'];
const EVENT_MEMBERS = ['leafIndex', 'leaf', 'proof'];
const DECISION_MEMBERS = ['leafIndex', 'eventId', 'record'];

export type Shape = { ok: true; bundle: ProvenanceBundle } | { ok: false; reason: string };

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function members(
  v: Record<string, unknown>,
  allowed: string[],
  where: string,
): string | undefined {
  const unknown = Object.keys(v).find((k) => !allowed.includes(k));
  if (unknown !== undefined) return `${where}: unknown member '${unknown}'`;
  const missing = allowed.find((k) => !(k in v));
  return missing === undefined ? undefined : `${where}: member '${missing}' is missing`;
}

export const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

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
  const m = members(value, BUNDLE_MEMBERS, 'bundle');
  if (m !== undefined) return fail(m);
  if (value['format'] !== BUNDLE_FORMAT) return fail(`not an ${BUNDLE_FORMAT} bundle`);
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

/**
 * The `events` member of any bundle: an array of exactly { leafIndex, leaf, proof }, strictly
 * ascending integer indexes (`pointer` is where the array sits, for the non-integer check).
 */
export function eventsShapeError(
  events: unknown,
  nonInteger: ReadonlySet<string> = new Set(),
  pointer = '/events',
): string | undefined {
  if (!Array.isArray(events)) return "'events' is not an array";
  let previous = -1;
  for (const [i, e] of events.entries()) {
    const where = `events[${i}]`;
    if (!isObject(e)) return `${where} is not an object`;
    const em = members(e, EVENT_MEMBERS, where);
    if (em !== undefined) return em;
    if (!isIndex(e['leafIndex']) || nonInteger.has(`${pointer}/${i}/leafIndex`))
      return `${where}.leafIndex is not a non-negative integer`;
    if (e['leafIndex'] <= previous)
      return `${where}.leafIndex ${e['leafIndex']} does not ascend (each leaf once, in order)`;
    previous = e['leafIndex'];
    if (typeof e['leaf'] !== 'string') return `${where}.leaf is not a string`;
    const proof = e['proof'];
    if (!Array.isArray(proof) || proof.some((p) => typeof p !== 'string'))
      return `${where}.proof is not an array of strings`;
  }
  return undefined;
}
