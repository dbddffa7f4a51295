import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checkpointer, LedgerLog, MemoryLedgerStore } from '@inr/ledger';
import { SqliteEventStore } from '@inr/event-store';
import {
  cosignatureVerifier,
  cosignatureVerifierKey,
  ed25519VerifierKey,
  formatSignerKey,
  generateNoteKey,
  openNote,
  parseTrustPolicy,
  parseVerifierKey,
  toBase64,
  verifyCheckpointNote,
  type Ed25519NoteKey,
} from '@inr/transparency';
import { verifyBundleText } from '../../apps/ledger-cli/src/ledger/verify-bundle-file';
import { DECISION_ID } from '../fault/ledger-fixtures';
import { startLedgerServer, type LedgerServer } from '../fault/ledger-server';

const A = 'a.example/inr-ledger';
const dir = mkdtempSync(join(tmpdir(), 'inr-witness-e2e-'));
const opened: SqliteEventStore[] = [];
const PARTNER = 'partner.example/inr-ledger';

/** An in-process partner log that B witnesses: append, sign, build add-checkpoint requests. */
// (A sqlite store, not the in-memory one: its structuredClone'd payloads come from outside
// jest's realm and canonical JSON rightly refuses objects with a foreign prototype.)
class PartnerLog {
  readonly store = new MemoryLedgerStore();
  readonly log: LedgerLog;
  constructor(
    readonly key: Ed25519NoteKey,
    readonly events: SqliteEventStore,
  ) {
    this.log = new LedgerLog(events, this.store);
  }

  static async open(key: Ed25519NoteKey): Promise<PartnerLog> {
    const events = await SqliteEventStore.open({ dataDir: mkdtempSync(join(dir, 'partner-')) });
    opened.push(events);
    return new PartnerLog(key, events);
  }

  async grow(n: number): Promise<string> {
    for (let i = 0; i < n; i++)
      await this.events.append(`s-${randomUUID()}`, [
        { id: randomUUID(), type: 'Noted', data: { i } },
      ]);
    await this.log.catchUp();
    return new Checkpointer(this.log, this.store, this.key, { origin: this.key.name }).signNow()!
      .note;
  }

  request(
    old: number,
    note: string,
    proof = this.log.consistencyProof(old, this.log.size()),
  ): string {
    return `old ${old}\n${proof.map((h) => `${toBase64(h)}\n`).join('')}\n${note}`;
  }
}

describe('witnessing over HTTP (C2SP tlog-witness)', () => {
  const keyA = generateNoteKey(A);
  const partnerKey = generateNoteKey(PARTNER);
  let partner: PartnerLog;
  const witnessKey = generateNoteKey('b.example/witness');
  let a: LedgerServer | undefined;
  let b: LedgerServer | undefined;

  const post = async (body: string, path = '/v1/witness/add-checkpoint', type = 'text/plain') => {
    const res = await fetch(b!.url + path, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  beforeAll(async () => {
    partner = await PartnerLog.open(partnerKey);
    writeFileSync(
      join(dir, 'b.json'),
      JSON.stringify({
        name: witnessKey.name,
        logs: [
          { origin: A, vkey: ed25519VerifierKey(keyA) },
          { origin: PARTNER, vkey: ed25519VerifierKey(partnerKey) },
        ],
      }),
    );
    b = await startLedgerServer({
      LEDGER_ORIGIN: 'b.example/inr-ledger',
      LEDGER_WITNESS_CONFIG: join(dir, 'b.json'),
      LEDGER_WITNESS_SIGNING_KEY: formatSignerKey(witnessKey),
    });
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify({
        witnesses: [
          { name: 'B', vkey: cosignatureVerifierKey(witnessKey), url: `${b.url}/v1/witness` },
        ],
      }),
    );
    a = await startLedgerServer({
      LEDGER_ORIGIN: A,
      LEDGER_SIGNING_KEY: formatSignerKey(keyA),
      LEDGER_WITNESS_CONFIG: join(dir, 'a.json'),
      SEED_DECISION_LEDGER: '1',
    });
    await a.flush();
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), ...opened.map((e) => e.close())]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("A's checkpoints carry B's cosignature and meet a policy requiring B", async () => {
    const note = await (await fetch(`${a!.url}/v1/ledger/checkpoint`)).text();
    const policy = `log ${ed25519VerifierKey(keyA)}\nwitness B ${cosignatureVerifierKey(witnessKey)}\nquorum B\n`;
    const verified = verifyCheckpointNote(note, parseTrustPolicy(policy));
    expect(verified.ok && verified.value.cosigners.map((c) => c.name)).toEqual(['B']);
    const bundle = await fetch(`${a!.url}/v1/decisions/${DECISION_ID}/bundle`, {
      headers: { authorization: `Bearer ${a!.tokens.panel}` },
    });
    expect(await verifyBundleText(await bundle.text(), policy)).toEqual({
      ok: true,
      report: expect.objectContaining({ cosigners: ['B'] }),
    });
  });

  it('publishes its witness key', async () => {
    const keys = (await (await fetch(`${b!.url}/v1/ledger/keys`)).json()) as { witness?: string };
    expect(keys.witness).toBe(cosignatureVerifierKey(witnessKey));
  });

  it('cosigns a first checkpoint (200), then answers 409 with its size to a stale old', async () => {
    const note = await partner.grow(5);
    const ok = await post(partner.request(0, note));
    expect(ok.status).toBe(200);
    const text = note.slice(0, note.indexOf('\n\n') + 1);
    expect(
      openNote(`${text}\n${ok.text}`, [
        cosignatureVerifier(parseVerifierKey(cosignatureVerifierKey(witnessKey))),
      ]).ok,
    ).toBe(true);
    const stale = await post(partner.request(0, note, []));
    expect(stale).toEqual({ status: 409, type: 'text/x.tlog.size', text: '5\n' });
  });

  it('refuses a bad consistency proof (422), then accepts the right one (200)', async () => {
    const note = await partner.grow(3);
    const proof = partner.log.consistencyProof(5, 8);
    const flipped = proof.map((h, i) =>
      i === 0 ? Uint8Array.from(h, (x, j) => (j === 0 ? x ^ 1 : x)) : h,
    );
    const bad = await post(partner.request(5, note, flipped));
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.text)).toMatchObject({ code: 'WITNESS_BAD_PROOF' });
    expect((await post(partner.request(5, note, proof))).status).toBe(200);
  });

  it('404 for a log it does not witness, 403 for a bad log signature, 400 for a malformed request', async () => {
    const stranger = await PartnerLog.open(generateNoteKey('stranger.example/log'));
    const unknown = await post(stranger.request(0, await stranger.grow(2)));
    expect(unknown.status).toBe(404);
    const forger = await PartnerLog.open(generateNoteKey(PARTNER)); // right name, wrong key
    const forged = await post(forger.request(0, await forger.grow(2)));
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.text)).toMatchObject({ code: 'WITNESS_BAD_SIGNATURE' });
    expect((await post('hello')).status).toBe(400);
  });

  it('keeps every other route JSON-only: text/plain elsewhere is still 415', async () => {
    expect((await post('hello', '/v1/cases')).status).toBe(415);
  });
});
