/**
 * Ascending ledger positions packed as varint deltas: an index key's positions live in a few
 * chunk rows instead of one row each, so a rebuild rewrites one chunk per key per commit rather
 * than inserting a row per event, and a query reads a trainee's 500 positions from 4 rows.
 */
export interface PositionChunk {
  first: number;
  last: number;
  count: number;
  positions: Buffer;
}

/** Positions per chunk; a full chunk is never rewritten again. */
export const CHUNK_CAPACITY = 128;

/** Appends a non-negative integer as a little-endian base-128 varint. */
export function encodeDelta(out: number[], delta: number): void {
  // Arithmetic, not bit operations: positions may exceed 32 bits.
  let rest = delta;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/**
 * Adds ascending positions to a key's chunks, filling the last chunk up to CHUNK_CAPACITY first:
 * the chunks depend only on the positions, not on how they were batched. Returns the chunks to
 * write (the last one changed, then new ones).
 */
export function appendPositions(
  last: PositionChunk | undefined,
  positions: readonly number[],
): PositionChunk[] {
  const out: PositionChunk[] = [];
  let current = last && last.count < CHUNK_CAPACITY ? last : undefined;
  let bytes: number[] = [];
  let previous = current?.last ?? -1;
  let count = current?.count ?? 0;
  let first = current?.first ?? -1;
  const close = (): void => {
    if (count === 0) return;
    const added = Buffer.from(bytes);
    out.push({
      first,
      last: previous,
      count,
      positions: current ? Buffer.concat([current.positions, added]) : added,
    });
    current = undefined;
    bytes = [];
    count = 0;
  };
  for (const position of positions) {
    if (position <= previous) continue; // already indexed (a redelivery)
    if (count === CHUNK_CAPACITY) close();
    if (count === 0) {
      first = position;
      encodeDelta(bytes, position);
    } else encodeDelta(bytes, position - previous);
    previous = position;
    count++;
  }
  if (bytes.length > 0) close();
  return out;
}

/** The positions of a chunk's blob, in order. */
export function decodePositions(blob: Uint8Array, into: number[] = []): number[] {
  let position = 0;
  let first = true;
  let value = 0;
  let scale = 1;
  for (const byte of blob) {
    value += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 0x80;
      continue;
    }
    position = first ? value : position + value;
    first = false;
    into.push(position);
    value = 0;
    scale = 1;
  }
  return into;
}
