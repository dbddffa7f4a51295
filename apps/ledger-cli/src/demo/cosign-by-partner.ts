import { join } from 'node:path';
import {
  loadOrCreateSigningKey,
  SqliteHashStore,
  submitToWitnesses,
  WitnessService,
  type HttpPost,
  type LedgerLog,
  type StoredCheckpoint,
} from '@inr/ledger';
import { cosignatureVerifierKey, type Ed25519NoteKey } from '@inr/transparency';

/** The partner institution's witness lives in its own subdirectory: its key is not the log's. */
export const PARTNER_DIR = 'partner-witness';
export const PARTNER_WITNESS = 'partner-trust.example/witness';
/** Only a label: the request is handed to the partner's witness in-process. */
const PARTNER_URL = 'https://partner-trust.example/witness';

export interface Cosigned {
  checkpoint: StoredCheckpoint;
  witnessName: string;
  witnessVerifierKey: string;
}

/** The partner trust's witness of our log: its own key and state under <dataDir>/partner-witness. */
export function openPartnerWitness(
  dataDir: string,
  origin: string,
  logVerifierKey: string,
): { witness: WitnessService; key: Ed25519NoteKey; state: SqliteHashStore } {
  const partnerDir = join(dataDir, PARTNER_DIR);
  // No configured key: LEDGER_SIGNING_KEY is the log's key and must never become the witness's.
  const key = loadOrCreateSigningKey(partnerDir, PARTNER_WITNESS);
  const state = new SqliteHashStore(partnerDir);
  const witness = new WitnessService({ key, logs: new Map([[origin, [logVerifierKey]]]) }, state);
  return { witness, key, state };
}

/**
 * A partner trust's witness cosigns the checkpoint through the C2SP tlog-witness add-checkpoint
 * exchange, byte for byte what would cross the network (request with consistency proof, 409
 * retry, cosignature checked before it is stored), only without a socket.
 */
export async function cosignByPartner(
  log: LedgerLog,
  hashes: SqliteHashStore,
  checkpoint: StoredCheckpoint,
  dataDir: string,
  logVerifierKey: string,
): Promise<Cosigned> {
  const origin = checkpoint.note.slice(0, checkpoint.note.indexOf('\n'));
  const { witness, key, state } = openPartnerWitness(dataDir, origin, logVerifierKey);
  try {
    const post: HttpPost = (_url, body) => {
      const answer = witness.addCheckpoint(body);
      return Promise.resolve({
        status: answer.status,
        body: 'body' in answer ? answer.body : answer.reason,
      });
    };
    const vkey = cosignatureVerifierKey(key);
    const [outcome] = await submitToWitnesses(checkpoint, [{ vkey, url: PARTNER_URL }], {
      post,
      consistencyProof: (a, b) => log.consistencyProof(a, b),
      store: hashes,
      witnessSizes: new Map(),
    });
    if (!outcome?.ok)
      throw new Error(`the partner witness did not cosign: ${outcome?.reason ?? 'no answer'}`);
    const stored = hashes.latestCheckpoint();
    if (stored === undefined) throw new Error('the signed checkpoint is gone');
    return { checkpoint: stored, witnessName: PARTNER_WITNESS, witnessVerifierKey: vkey };
  } finally {
    state.close();
  }
}
