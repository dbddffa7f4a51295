import type { Projection } from './projection';

/** A share of a keyed projection's keys: those whose point (keyPoint) lies in [from, to). */
export interface KeyShare {
  from: number;
  to: number;
}

/** Where a key falls in [0, 1): FNV-1a over its UTF-16 code units, the same on every thread. */
export function keyPoint(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x100000000;
}

/**
 * The projection folding only the keys in `share`: each key's events are folded exactly as
 * before, so shares rebuilt apart hold, together, the projection's rows. Events touching no key
 * change nothing in a keyed projection. Retained documents scale with the share: a share sees
 * that fraction of the keys, so the same window of events.
 */
export function withKeyShare(projection: Projection, share: KeyShare): Projection {
  const keyOf = projection.keyOf;
  if (keyOf === undefined) throw new Error(`projection ${projection.name} has no keys to share`);
  const owns = (key: string | undefined): boolean => {
    if (key === undefined) return false;
    const point = keyPoint(key);
    return point >= share.from && point < share.to;
  };
  return {
    ...projection,
    attach(db, names) {
      const writer = projection.attach(db, names);
      return {
        apply: (event) => {
          if (owns(keyOf(event))) writer.apply(event);
        },
        ...(writer.prefetch && { prefetch: (events) => writer.prefetch?.(events) }),
        flush: () => writer.flush(),
        reset: () => writer.reset(),
        retain: (count) => writer.retain?.(Math.ceil(count * (share.to - share.from))),
      };
    },
  };
}
