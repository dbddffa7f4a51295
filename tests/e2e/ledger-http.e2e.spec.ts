import { verifyBundleText } from '../../apps/ledger-cli/src/ledger/verify-bundle-file';
import { loadOrCreateSigningKey } from '@inr/ledger';
import {
  CompactRange,
  canonicalJson,
  ed25519Signer,
  ed25519VerifierKey,
  fromBase64,
  generateNoteKey,
  leafHash,
  parseTrustPolicy,
  signNote,
  verifyCheckpointNote,
  verifyConsistency,
  verifyInclusion,
} from '@inr/transparency';
import { DECISION_ID } from '../fault/ledger-fixtures';
import { startLedgerServer, type LedgerServer } from '../fault/ledger-server';

const ORIGIN = 'local-trust/inr-ledger';
interface Res {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

let server: LedgerServer;

/** GET over 127.0.0.1: the service runs in a child process (see ledger-server-child.ts). */
async function get(path: string, token?: string): Promise<Res> {
  const res = await fetch(
    server.url + path,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // a note or JSON lines
  }
  return { status: res.status, headers: res.headers, text, body };
}

const hashes = (body: Record<string, unknown>): Uint8Array[] =>
  (body['proof'] as string[]).map((h) => fromBase64(h)!);

describe('verifiable log over HTTP', () => {
  let leaves: string[];
  let roots: Uint8Array[]; // roots[n] = root of the first n leaves, computed here from the entries
  let admin: string;

  beforeAll(async () => {
    server = await startLedgerServer({ SEED_DECISION_LEDGER: '1' });
    const size = await server.flush();
    admin = server.tokens.admin;
    const res = await get(`/v1/ledger/entries?start=0&end=${size}`, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    leaves = res.text.split('\n').slice(0, -1);
    const range = CompactRange.empty();
    roots = [range.root()];
    for (const leaf of leaves) {
      range.append(leafHash(Buffer.from(leaf, 'utf8')));
      roots.push(range.root());
    }
  }, 60_000);
  afterAll(() => server?.stop());

  it('serves the latest checkpoint, verifying under the key `inr-ledger keys` prints', async () => {
    const res = await get('/v1/ledger/checkpoint');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const vkey = ed25519VerifierKey(loadOrCreateSigningKey(server.dataDir, ORIGIN));
    expect((await get('/v1/ledger/keys')).body).toEqual({
      origin: ORIGIN,
      log: vkey,
      history: [
        { vkey, fromSize: 0, untilSize: null, rotationLeafIndex: null, rotationLeaf: null },
      ],
    });
    const verified = verifyCheckpointNote(res.text, parseTrustPolicy(`log ${vkey}\nquorum none\n`));
    expect(verified.ok && verified.value.checkpoint.size).toBe(leaves.length);
    expect(
      verified.ok &&
        Buffer.from(verified.value.checkpoint.root).equals(Buffer.from(roots[leaves.length]!)),
    ).toBe(true);
    // Signed-note rule: a line from a key the verifier does not know is ignored, not fatal.
    const text = res.text.slice(0, res.text.indexOf('\n\n') + 1);
    const extra = signNote(text, [ed25519Signer(generateNoteKey('stranger.example'))]).slice(
      text.length + 1,
    );
    expect(
      verifyCheckpointNote(res.text + extra, parseTrustPolicy(`log ${vkey}\nquorum none\n`)).ok,
    ).toBe(true);
    expect(
      verifyCheckpointNote(
        res.text + extra,
        parseTrustPolicy(`log ${ed25519VerifierKey(generateNoteKey(ORIGIN))}\nquorum none\n`),
      ).ok,
    ).toBe(false);
  });

  it('serves entries as exact canonical leaves, one per line', () => {
    expect(leaves.length).toBeGreaterThan(10);
    for (const leaf of leaves) expect(canonicalJson(JSON.parse(leaf))).toBe(leaf);
  });

  it('every inclusion proof of the log verifies against the recomputed roots', async () => {
    for (let size = 1; size <= leaves.length; size++) {
      for (let index = 0; index < size; index++) {
        const res = await get(`/v1/ledger/proof/inclusion?index=${index}&size=${size}`);
        expect(res.status).toBe(200);
        const ok = verifyInclusion(
          index,
          size,
          leafHash(Buffer.from(leaves[index]!, 'utf8')),
          hashes(res.body),
          roots[size]!,
        );
        if (!ok) throw new Error(`inclusion ${index} in ${size} does not verify`);
      }
    }
  });

  it('every consistency proof of the log verifies', async () => {
    for (let second = 1; second <= leaves.length; second++) {
      for (let first = 1; first <= second; first++) {
        const res = await get(`/v1/ledger/proof/consistency?first=${first}&second=${second}`);
        expect(res.status).toBe(200);
        if (!verifyConsistency(first, second, roots[first]!, roots[second]!, hashes(res.body))) {
          throw new Error(`consistency ${first} -> ${second} does not verify`);
        }
      }
    }
  });

  it('serves stored checkpoints by size; 404 for a size never signed', async () => {
    const latest = await get('/v1/ledger/checkpoint');
    expect((await get(`/v1/ledger/checkpoints/${leaves.length}`)).text).toBe(latest.text);
    const missing = await get('/v1/ledger/checkpoints/1');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ['/v1/ledger/proof/inclusion?index=abc&size=3', 'INVALID_LEDGER_PARAMETER'],
    ['/v1/ledger/proof/inclusion?index=-1&size=3', 'INVALID_LEDGER_PARAMETER'],
    ['/v1/ledger/proof/inclusion?size=3', 'INVALID_LEDGER_PARAMETER'],
    ['/v1/ledger/proof/inclusion?index=3&size=3', 'LEDGER_RANGE'],
    ['/v1/ledger/proof/inclusion?index=0&size=99999', 'LEDGER_RANGE'],
    ['/v1/ledger/proof/consistency?first=5&second=2', 'LEDGER_RANGE'],
    ['/v1/ledger/proof/consistency?first=1&second=1e3', 'INVALID_LEDGER_PARAMETER'],
    ['/v1/ledger/checkpoints/x', 'INVALID_LEDGER_PARAMETER'],
    ['/v1/ledger/entries?start=0&end=99999', 'LEDGER_RANGE'],
    ['/v1/ledger/entries?start=4&end=2', 'LEDGER_RANGE'],
    ['/v1/ledger/entries?start=0&end=1.5', 'INVALID_LEDGER_PARAMETER'],
  ])('%s is a 400 %s, never a 500', async (url, code) => {
    const res = await get(url, admin);
    expect(res.status).toBe(400);
    expect(res.body['code']).toBe(code);
  });

  it('entries need a token whose role reads the whole ledger', async () => {
    expect((await get('/v1/ledger/entries?start=0&end=1')).status).toBe(401);
    const trainee = server.tokens.trainee1;
    expect((await get('/v1/ledger/entries?start=0&end=1', trainee)).status).toBe(403);
  });

  it('serves a decision bundle that verifies offline, to a reader of that trainee only', async () => {
    const panel = server.tokens.panel;
    const res = await get(`/v1/decisions/${DECISION_ID}/bundle`, panel);
    expect(res.status).toBe(200);
    const vkey = ed25519VerifierKey(loadOrCreateSigningKey(server.dataDir, ORIGIN));
    const verified = await verifyBundleText(res.text, `log ${vkey}\nquorum none\n`);
    expect(verified).toEqual({
      ok: true,
      report: expect.objectContaining({ decisionReEvaluated: true }),
    });
    expect((await get(`/v1/decisions/${DECISION_ID}/bundle`)).status).toBe(401);
    const other = server.tokens.trainee2;
    expect((await get(`/v1/decisions/${DECISION_ID}/bundle`, other)).status).toBe(403);
    expect((await get('/v1/decisions/nope/bundle', panel)).status).toBe(404);
  });
});
