import {
  CompactRange,
  consistencyProof,
  leafHash,
  MemoryHashStore,
  parseTilePath,
  tileBytes,
  tilePath,
  treeRoot,
  treeTiles,
  tileWithin,
  verifyConsistency,
  withTiles,
  type TileId,
} from '@inr/transparency';

function storeOf(size: number): MemoryHashStore {
  const store = new MemoryHashStore();
  const range = CompactRange.empty();
  for (let i = 0; i < size; i++) {
    for (const n of range.append(leafHash(Buffer.from(`leaf ${i}`)))) {
      store.put(n.level, n.index, n.hash);
    }
  }
  store.setSize(size);
  return store;
}

/** A fresh tree of leaves [from, to) of storeOf's sequence. */
function leavesOnly(from: number, to: number): MemoryHashStore {
  const store = new MemoryHashStore();
  const range = CompactRange.empty();
  for (let i = from; i < to; i++) {
    for (const n of range.append(leafHash(Buffer.from(`leaf ${i}`)))) {
      store.put(n.level, n.index, n.hash);
    }
  }
  return store;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('C2SP tlog-tiles paths', () => {
  it('encodes the index in 3-digit elements, all but the last prefixed with x (spec example)', () => {
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 2, index: 5, width: 256 })).toBe('tile/2/005');
    expect(tilePath({ level: 1, index: 1000, width: 17 })).toBe('tile/1/x001/000.p/17');
    expect(tilePath({ level: 0, index: 2 ** 40, width: 256 })).toBe(
      'tile/0/x001/x099/x511/x627/776',
    );
  });

  it('parses exactly what it writes, for large indices too', () => {
    for (const tile of [
      { level: 0, index: 0, width: 256 },
      { level: 0, index: 999, width: 1 },
      { level: 1, index: 1000, width: 255 },
      { level: 63, index: 1234067, width: 256 },
      { level: 3, index: Number.MAX_SAFE_INTEGER, width: 256 },
    ]) {
      expect(parseTilePath(tilePath(tile).slice('tile/'.length))).toEqual(tile);
    }
  });

  it.each([
    ['00/000', 'leading zero in the level'],
    ['64/000', 'level above 63'],
    ['0/5', 'index element not 3 digits'],
    ['0/1234', 'index element of 4 digits'],
    ['0/001/234', 'inner element without x'],
    ['0/x000/005', 'non-canonical leading x000'],
    ['0/x001', 'last element prefixed with x'],
    ['0/000.p/0', 'width 0'],
    ['0/000.p/256', 'width 256 (a full tile has no .p)'],
    ['0/000.p/017', 'leading zero in the width'],
    ['0/000.p/', 'empty width'],
    ['0/000.p', 'no width'],
    ['0/x001/x002/x003/x004/x005/x006/007', 'index beyond 2^53'],
  ])('refuses %s (%s)', (path) => {
    expect(parseTilePath(path)).toBeUndefined();
  });
});

describe('C2SP tlog-tiles: which tiles a tree has', () => {
  const describeTiles = (tiles: TileId[]): string[] => {
    const counts = new Map<string, number>();
    for (const t of tiles) {
      const key = t.width === 256 ? `L${t.level} full` : `L${t.level} partial ${t.width}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([k, n]) => `${n}x ${k}`);
  };

  it('size 70,000: 273 full level-0 tiles, partial 112, one full level-1, partial 17, level-2 partial 1', () => {
    expect(describeTiles(treeTiles(70_000))).toEqual([
      '273x L0 full',
      '1x L0 partial 112',
      '1x L1 full',
      '1x L1 partial 17',
      '1x L2 partial 1',
    ]);
  });

  it('size 256: one full level-0 tile and a level-1 partial tile of width 1', () => {
    expect(describeTiles(treeTiles(256))).toEqual(['1x L0 full', '1x L1 partial 1']);
    expect(treeTiles(0)).toEqual([]);
  });

  it('a tile is servable only once every hash in it is complete', () => {
    expect(tileWithin({ level: 0, index: 0, width: 256 }, 255)).toBe(false);
    expect(tileWithin({ level: 0, index: 0, width: 255 }, 255)).toBe(true);
    expect(tileWithin({ level: 1, index: 0, width: 1 }, 255)).toBe(false);
    expect(tileWithin({ level: 1, index: 0, width: 1 }, 256)).toBe(true);
  });
});

describe('a client computes roots and proofs from tiles alone', () => {
  const store = storeOf(70_000);
  const served = (size: number) => {
    const fetched: string[] = [];
    const fetchTile = (tile: TileId): Promise<Uint8Array> => {
      if (!tileWithin(tile, size)) return Promise.reject(new Error(`${tilePath(tile)}: 404`));
      fetched.push(tilePath(tile));
      return Promise.resolve(tileBytes(store, tile));
    };
    return { fetched, fetchTile };
  };

  it.each([1, 2, 255, 256, 257, 511, 65_536, 65_537, 70_000])('root of size %d', async (size) => {
    const { fetchTile } = served(size);
    const root = await withTiles(size, fetchTile, (reader) => treeRoot(reader, size));
    expect(hex(root)).toBe(hex(treeRoot(store, size)));
  });

  it('a tile hash at level 1 is the Merkle tree hash of a full level-0 tile', () => {
    const level1 = tileBytes(store, { level: 1, index: 0, width: 2 });
    // MTH(D[256:512]) computed from the leaf hashes, not read from the store at height 8.
    expect(hex(level1.subarray(32, 64))).toBe(hex(treeRoot(leavesOnly(256, 512), 256)));
  });

  it('a consistency proof from tiles verifies between two sizes, and reads the partial tiles', async () => {
    const [first, second] = [300, 69_999];
    const { fetched, fetchTile } = served(second);
    const proof = await withTiles(second, fetchTile, (r) => consistencyProof(r, first, second));
    const firstRoot = await withTiles(first, served(first).fetchTile, (r) => treeRoot(r, first));
    const secondRoot = await withTiles(second, fetchTile, (r) => treeRoot(r, second));
    expect(proof.map(hex)).toEqual(consistencyProof(store, first, second).map(hex));
    expect(verifyConsistency(first, second, firstRoot, secondRoot, proof)).toBe(true);
    expect(fetched).toContain('tile/0/273.p/111');
  });

  it('a tile with a wrong length is refused', async () => {
    await expect(
      withTiles(
        10,
        () => Promise.resolve(new Uint8Array(32)),
        (r) => treeRoot(r, 10),
      ),
    ).rejects.toThrow(/has 32 bytes, not 320/);
  });
});
