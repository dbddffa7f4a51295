import type { JsonObject } from '@inr/event-store';

/** The named members of an event's data when every one is a string; else undefined. */
export function stringFields<K extends string>(
  data: JsonObject,
  names: readonly K[],
): Record<K, string> | undefined {
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = data[name];
    if (typeof value !== 'string') return undefined;
    out[name] = value;
  }
  return out;
}
