import {
  cosignatureVerifier,
  openNote,
  parseVerifierKey,
  SIG_TYPE_COSIGNATURE_V1,
  toBase64,
} from '@inr/transparency';
import type { LedgerStore, StoredCheckpoint } from './sqlite-hash-store';

/** The injected transport: POST `body` to `url`, resolve with the status and body. */
export type HttpPost = (url: string, body: string) => Promise<{ status: number; body: string }>;

export interface WitnessEndpoint {
  /** Cosignature vkey (type 0x04) of the witness. */
  vkey: string;
  /** Submission prefix; requests go to `<url>/add-checkpoint`. */
  url: string;
}

export type SubmitOutcome =
  | { vkey: string; ok: true; lines: string[] }
  | { vkey: string; ok: false; status?: number; reason: string };

export interface SubmitDeps {
  post: HttpPost;
  consistencyProof: (first: number, second: number) => Uint8Array[];
  store: Pick<LedgerStore, 'addCosignatures'>;
  /** What each witness last cosigned, by vkey; updated here. Starts at 0 when unknown. */
  witnessSizes: Map<string, number>;
}

/**
 * Ask every witness to cosign `checkpoint` (C2SP tlog-witness add-checkpoint), retrying once
 * with the size a 409 reports; keep only cosignatures that verify under the witness's key.
 */
export async function submitToWitnesses(
  checkpoint: StoredCheckpoint,
  witnesses: readonly WitnessEndpoint[],
  deps: SubmitDeps,
): Promise<SubmitOutcome[]> {
  return Promise.all(witnesses.map((w) => submitOne(checkpoint, w, deps)));
}

async function submitOne(
  checkpoint: StoredCheckpoint,
  witness: WitnessEndpoint,
  deps: SubmitDeps,
): Promise<SubmitOutcome> {
  const key = parseVerifierKey(witness.vkey);
  if (key.type !== SIG_TYPE_COSIGNATURE_V1) {
    return { vkey: witness.vkey, ok: false, reason: 'witness key is not a cosignature key' };
  }
  let old = Math.min(deps.witnessSizes.get(witness.vkey) ?? 0, checkpoint.size);
  for (let attempt = 0; attempt < 2; attempt++) {
    const proof = deps.consistencyProof(old, checkpoint.size).map((h) => `${toBase64(h)}\n`);
    const body = `old ${old}\n${proof.join('')}\n${checkpoint.note}`;
    let res: { status: number; body: string };
    try {
      res = await deps.post(`${witness.url.replace(/\/$/, '')}/add-checkpoint`, body);
    } catch (e) {
      return {
        vkey: witness.vkey,
        ok: false,
        reason: e instanceof Error ? e.message : 'transport error',
      };
    }
    if (res.status === 409 && attempt === 0 && /^(0|[1-9][0-9]*)\n$/.test(res.body)) {
      const theirs = Number(res.body.trim());
      if (theirs > checkpoint.size) {
        return { vkey: witness.vkey, ok: false, status: 409, reason: `witness is at ${theirs}` };
      }
      old = theirs;
      continue;
    }
    if (res.status !== 200) {
      return { vkey: witness.vkey, ok: false, status: res.status, reason: res.body.slice(0, 200) };
    }
    const text = checkpoint.note.slice(0, checkpoint.note.lastIndexOf('\n\n') + 1);
    const opened = openNote(`${text}\n${res.body}`, [cosignatureVerifier(key)]);
    if (!opened.ok) return { vkey: witness.vkey, ok: false, status: 200, reason: opened.reason };
    const lines = opened.value.verified.map((s) => s.line);
    deps.store.addCosignatures(checkpoint.size, lines);
    deps.witnessSizes.set(witness.vkey, checkpoint.size);
    return { vkey: witness.vkey, ok: true, lines };
  }
  return {
    vkey: witness.vkey,
    ok: false,
    status: 409,
    reason: 'witness kept reporting a conflict',
  };
}
