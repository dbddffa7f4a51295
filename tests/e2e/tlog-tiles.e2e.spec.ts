import {
  bytesEqual,
  consistencyProof,
  parseTrustPolicy,
  tilePath,
  treeRoot,
  verifyCheckpointNote,
  verifyConsistency,
  withTiles,
  type TileId,
} from '@inr/transparency';
import { startLedgerServer, type LedgerServer } from '../fault/ledger-server';

const PREFIX = '/v1/ledger/tlog';

// An outside institution with no account: it holds the log's key, fetches the checkpoint and
// hash tiles over plain HTTP (never a token), recomputes the roots and checks append-only growth.
describe('C2SP tlog-tiles, walked as an outside client', () => {
  let server: LedgerServer;
  let policy: ReturnType<typeof parseTrustPolicy>;
  const fetched: string[] = [];

  const get = async (path: string): Promise<Response> => fetch(server.url + path);
  const fetchTile = async (tile: TileId): Promise<Uint8Array> => {
    const res = await get(`${PREFIX}/${tilePath(tile)}`);
    if (res.status !== 200) throw new Error(`${tilePath(tile)}: ${res.status}`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    fetched.push(tilePath(tile));
    return new Uint8Array(await res.arrayBuffer());
  };
  const checkpoint = async (): Promise<{ size: number; root: Uint8Array; note: string }> => {
    const res = await get(`${PREFIX}/checkpoint`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const note = await res.text();
    const verified = verifyCheckpointNote(note, policy);
    if (!verified.ok) throw new Error(verified.reason);
    return { ...verified.value.checkpoint, note };
  };

  beforeAll(async () => {
    server = await startLedgerServer({ SEED_DECISION_LEDGER: '1' });
    await server.flush();
    const keys = (await (await get('/v1/ledger/keys')).json()) as { log: string };
    policy = parseTrustPolicy(`log ${keys.log}\nquorum none\n`);
    // A child server seeding a decision ledger: about 10 s alone, over 60 s on a saturated CI box.
  }, 180_000);
  afterAll(() => server.stop());

  it('recomputes both roots from tiles and checks consistency between two checkpoints', async () => {
    const first = await checkpoint();
    await server.grow(600);
    await server.flush();
    const second = await checkpoint();
    expect(second.size).toBeGreaterThan(512);

    const firstRoot = await withTiles(first.size, fetchTile, (r) => treeRoot(r, first.size));
    const secondRoot = await withTiles(second.size, fetchTile, (r) => treeRoot(r, second.size));
    expect(bytesEqual(firstRoot, first.root)).toBe(true);
    expect(bytesEqual(secondRoot, second.root)).toBe(true);
    const proof = await withTiles(second.size, fetchTile, (r) =>
      consistencyProof(r, first.size, second.size),
    );
    expect(verifyConsistency(first.size, second.size, first.root, second.root, proof)).toBe(true);
    // Partial tiles of both sizes, a full level-0 tile and the partial level-1 tile were needed.
    expect(fetched).toEqual(
      expect.arrayContaining([
        `tile/0/000.p/${first.size}`,
        'tile/0/000',
        `tile/0/002.p/${second.size - 512}`,
        'tile/1/000.p/2',
      ]),
    );
  }, 180_000);

  it('lists every signed checkpoint in pages, each verifying under the log key', async () => {
    const sizes: number[] = [];
    for (let from: number | null = 0; from !== null;) {
      const res = await get(`/v1/ledger/checkpoints?from=${from}&limit=1`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        checkpoints: { size: number; note: string; root: string }[];
        next: number | null;
      };
      expect(page.checkpoints).toHaveLength(1);
      for (const c of page.checkpoints) {
        const v = verifyCheckpointNote(c.note, policy);
        expect(v.ok && v.value.checkpoint.size === c.size).toBe(true);
        sizes.push(c.size);
      }
      from = page.next;
    }
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect((await get('/v1/ledger/checkpoints?limit=1001')).status).toBe(400);
    expect((await get('/v1/ledger/checkpoints?from=1.0')).status).toBe(400);
  });

  it('gives the key history from the first key', async () => {
    const keys = (await (await get('/v1/ledger/keys')).json()) as {
      log: string;
      history: { vkey: string; fromSize: number; untilSize: number | null }[];
    };
    expect(keys.history).toEqual([
      { vkey: keys.log, fromSize: 0, untilSize: null, rotationLeafIndex: null, rotationLeaf: null },
    ]);
  });

  it('refuses malformed tile paths and tiles beyond the latest checkpoint; entries need a token', async () => {
    expect((await get(`${PREFIX}/tile/0/1`)).status).toBe(400);
    expect((await get(`${PREFIX}/tile/0/000.p/256`)).status).toBe(400);
    expect((await get(`${PREFIX}/tile/0/x001/000`)).status).toBe(404);
    expect((await get(`${PREFIX}/tile/2/000.p/1`)).status).toBe(404);
    expect((await get('/v1/ledger/entries?start=0&end=1')).status).toBe(401);
  });
});
