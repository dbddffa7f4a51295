// Shape checks shared by every bundle format: exact members, integer indexes, proven events.

const EVENT_MEMBERS = ['leafIndex', 'leaf', 'proof'];

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
