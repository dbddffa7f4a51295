import { MissingHashError, type HashReader } from './hash-reader';
import { HASH_SIZE, nodeHash } from './hashing';

// C2SP tlog-tiles: the tree served as tiles of 256 consecutive hashes. A tile at level L holds
// hashes of perfect subtrees of 256^L leaves, i.e. the stored hashes at binary height 8L.

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
/** Highest level the spec allows in a path. */
export const MAX_TILE_LEVEL = 63;

/** A tile: level, index within the level, and width in hashes (256 = full, 1..255 = partial). */
export interface TileId {
  level: number;
  index: number;
  width: number;
}

/** Leaves spanned by one hash of a level-`level` tile: 256^level. */
const span = (level: number): number => TILE_WIDTH ** level;

/** `<N>` as zero-padded 3-digit elements, all but the last prefixed with `x` (1234067 → x001/x234/067). */
export function tileIndexPath(index: number): string {
  let n = index;
  let path = String(n % 1000).padStart(3, '0');
  while (n >= 1000) {
    n = Math.floor(n / 1000);
    path = `x${String(n % 1000).padStart(3, '0')}/${path}`;
  }
  return path;
}

/** `tile/<L>/<N>[.p/<W>]`, relative to the log's prefix. */
export function tilePath(tile: TileId): string {
  const partial = tile.width < TILE_WIDTH ? `.p/${tile.width}` : '';
  return `tile/${tile.level}/${tileIndexPath(tile.index)}${partial}`;
}

const LEVEL = /^(0|[1-9][0-9]?)$/;
const WIDTH = /^[1-9][0-9]{0,2}$/;

/**
 * Parse `<L>/<N>[.p/<W>]` (the part after `tile/`), accepting only the encoding tilePath
 * writes: no leading zeros in L or W, no leading `x000` element, W in 1..255, L in 0..63.
 */
export function parseTilePath(path: string): TileId | undefined {
  const parts = path.split('/');
  const level = parts.shift();
  if (level === undefined || !LEVEL.test(level) || Number(level) > MAX_TILE_LEVEL) return undefined;
  let width = TILE_WIDTH;
  const last = parts[parts.length - 1];
  if (parts.length >= 2 && parts[parts.length - 2]?.endsWith('.p') && last !== undefined) {
    if (!WIDTH.test(last) || Number(last) >= TILE_WIDTH) return undefined;
    width = Number(last);
    parts.pop();
    parts[parts.length - 1] = (parts[parts.length - 1] as string).slice(0, -2);
  }
  if (parts.length === 0 || parts.length > 6) return undefined;
  let index = 0;
  for (const [i, element] of parts.entries()) {
    const isLast = i === parts.length - 1;
    const digits = isLast ? element : element.startsWith('x') ? element.slice(1) : '';
    if (!/^[0-9]{3}$/.test(digits)) return undefined;
    if (i === 0 && !isLast && digits === '000') return undefined;
    index = index * 1000 + Number(digits);
  }
  if (!Number.isSafeInteger(index)) return undefined;
  return { level: Number(level), index, width };
}

/** Whether a tree of `size` leaves contains every hash of the tile (so it can be served). */
export function tileWithin(tile: TileId, size: number): boolean {
  return (tile.index * TILE_WIDTH + tile.width) * span(tile.level) <= size;
}

/** The tile a tree of `size` uses at `level`, `index`: full if complete, else the partial one. */
export function tileForSize(level: number, index: number, size: number): TileId | undefined {
  const full = { level, index, width: TILE_WIDTH };
  if (tileWithin(full, size)) return full;
  const width = Math.floor(size / span(level)) - index * TILE_WIDTH;
  return width >= 1 && width < TILE_WIDTH ? { level, index, width } : undefined;
}

/** Every tile a tree of `size` leaves has, full and partial, level by level (none when empty). */
export function treeTiles(size: number): TileId[] {
  const tiles: TileId[] = [];
  for (let level = 0; span(level) <= size; level++) {
    const hashes = Math.floor(size / span(level));
    const full = Math.floor(hashes / TILE_WIDTH);
    for (let index = 0; index < full; index++) tiles.push({ level, index, width: TILE_WIDTH });
    if (hashes % TILE_WIDTH > 0) tiles.push({ level, index: full, width: hashes % TILE_WIDTH });
  }
  return tiles;
}

/** The tile's bytes: its hashes concatenated, each the stored hash at binary height 8·level. */
export function tileBytes(reader: HashReader, tile: TileId): Uint8Array {
  const out = new Uint8Array(tile.width * HASH_SIZE);
  const height = tile.level * TILE_HEIGHT;
  for (let i = 0; i < tile.width; i++) {
    const index = tile.index * TILE_WIDTH + i;
    const hash = reader.get(height, index);
    if (hash === undefined) throw new MissingHashError(height, index);
    out.set(hash, i * HASH_SIZE);
  }
  return out;
}

/** Thrown by a TileHashReader that lacks a tile: fetch it, add it, compute again. */
export class TileNeeded extends Error {
  constructor(readonly tile: TileId) {
    super(`needs ${tilePath(tile)}`);
    this.name = 'TileNeeded';
  }
}

/**
 * The tree of `size` leaves seen through its tiles: a HashReader for the RFC 9162 functions
 * (treeRoot, inclusionProof, consistencyProof). A hash at binary height h = 8L + r is
 * rebuilt from the 2^r hashes of the level-L tile below it.
 */
export class TileHashReader implements HashReader {
  private readonly tiles = new Map<string, Uint8Array>();

  constructor(readonly size: number) {}

  /** Add a fetched tile; its length must match its width. */
  add(tile: TileId, bytes: Uint8Array): void {
    if (bytes.length !== tile.width * HASH_SIZE) {
      throw new RangeError(`${tilePath(tile)} has ${bytes.length} bytes, not ${tile.width * 32}`);
    }
    this.tiles.set(tilePath(tile), bytes);
  }

  get(height: number, index: number): Uint8Array | undefined {
    if ((index + 1) * 2 ** height > this.size) return undefined;
    const level = Math.floor(height / TILE_HEIGHT);
    const below = 2 ** (height - level * TILE_HEIGHT);
    const first = index * below;
    const tile = tileForSize(level, Math.floor(first / TILE_WIDTH), this.size);
    if (tile === undefined) return undefined;
    const bytes = this.tiles.get(tilePath(tile));
    if (bytes === undefined) throw new TileNeeded(tile);
    let row: Uint8Array[] = [];
    const offset = first - tile.index * TILE_WIDTH;
    for (let i = 0; i < below; i++) {
      const at = (offset + i) * HASH_SIZE;
      row.push(bytes.subarray(at, at + HASH_SIZE));
    }
    while (row.length > 1) {
      const next: Uint8Array[] = [];
      for (let i = 0; i < row.length; i += 2) next.push(nodeHash(row[i]!, row[i + 1]!));
      row = next;
    }
    return row[0];
  }
}

/**
 * Run `compute` over the tree of `size` leaves, fetching each tile it turns out to need.
 * Tiles are not trusted: compare what `compute` derives (a root) with a signed checkpoint.
 */
export async function withTiles<T>(
  size: number,
  fetchTile: (tile: TileId) => Promise<Uint8Array>,
  compute: (reader: HashReader) => T,
): Promise<T> {
  const reader = new TileHashReader(size);
  for (;;) {
    try {
      return compute(reader);
    } catch (e) {
      if (!(e instanceof TileNeeded)) throw e;
      reader.add(e.tile, await fetchTile(e.tile));
    }
  }
}
