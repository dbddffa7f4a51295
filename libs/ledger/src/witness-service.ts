import {
  bytesEqual,
  cosign,
  ed25519Verifier,
  fromBase64,
  HASH_SIZE,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  SIG_TYPE_ED25519,
  verifyConsistency,
  type Ed25519NoteKey,
  type NoteVerifier,
} from '@inr/transparency';
import type { LedgerStore } from './sqlite-hash-store';

/** The HTTP answer C2SP tlog-witness prescribes for add-checkpoint. */
export type AddCheckpointResult =
  | { status: 200; body: string }
  | { status: 400; reason: string }
  | { status: 403; reason: string }
  | { status: 404; reason: string }
  | { status: 409; body: string; contentType: 'text/x.tlog.size'; size: number; reason: string }
  | { status: 422; reason: string };

export interface WitnessConfig {
  /** The witness's own key; its cosignatures use type 0x04 under this name. */
  key: Ed25519NoteKey;
  /** Logs this witness cosigns: origin -> the log's vkeys (type 0x01). */
  logs: ReadonlyMap<string, readonly string[]>;
  /** POSIX seconds; injectable for tests. */
  now?: () => number;
}

type WitnessStore = Pick<LedgerStore, 'transaction' | 'witnessState' | 'setWitnessState'>;

const MAX_PROOF_LINES = 63;

/** A partner institution's witness: checks consistency with what it saw, then cosigns. */
export class WitnessService {
  private readonly verifiers: Map<string, NoteVerifier[]>;

  constructor(
    private readonly config: WitnessConfig,
    private readonly store: WitnessStore,
  ) {
    this.verifiers = new Map(
      [...config.logs].map(([origin, vkeys]) => [
        origin,
        vkeys.map((v) => {
          const k = parseVerifierKey(v);
          if (k.type !== SIG_TYPE_ED25519) throw new Error(`log key for ${origin} is not Ed25519`);
          return ed25519Verifier(k);
        }),
      ]),
    );
  }

  addCheckpoint(body: string): AddCheckpointResult {
    const req = parseRequest(body);
    if (typeof req === 'string') return { status: 400, reason: req };
    const firstLine = req.note.slice(0, req.note.indexOf('\n'));
    const verifiers = this.verifiers.get(firstLine);
    if (verifiers === undefined) return { status: 404, reason: `unknown origin ${firstLine}` };
    const opened = openNote(req.note, verifiers);
    if (!opened.ok) return { status: 403, reason: opened.reason };
    const cp = parseCheckpoint(opened.value.text);
    if (!cp.ok) return { status: 400, reason: cp.reason };
    const { origin, size, root } = cp.value;
    if (req.old > size)
      return { status: 400, reason: `old size ${req.old} > checkpoint size ${size}` };
    // Check-then-persist in one immediate transaction: the rollback race in the spec.
    return this.store.transaction((): AddCheckpointResult => {
      const state = this.store.witnessState(origin);
      const latest = state?.size ?? 0;
      const conflict = (reason: string): AddCheckpointResult => ({
        status: 409,
        body: `${latest}\n`,
        contentType: 'text/x.tlog.size',
        size: latest,
        reason,
      });
      if (req.old !== latest)
        return conflict(`old size ${req.old}, but the latest cosigned is ${latest}`);
      if (state !== undefined && req.old === size) {
        if (!bytesEqual(state.root, root)) return conflict('same size, different root');
      } else if (state !== undefined || req.old !== 0 || req.proof.length !== 0) {
        const oldRoot = state?.root ?? new Uint8Array(HASH_SIZE);
        if (!verifyConsistency(req.old, size, oldRoot, root, req.proof)) {
          return { status: 422, reason: 'consistency proof does not verify' };
        }
      }
      this.store.setWitnessState(origin, { size, root });
      const now = this.config.now?.() ?? Math.floor(Date.now() / 1000);
      return { status: 200, body: cosign(this.config.key, opened.value.text, now) };
    });
  }
}

/** `old <n>\n` + base64 proof lines + `\n` + checkpoint note; a string is the 400 reason. */
function parseRequest(body: string): { old: number; proof: Uint8Array[]; note: string } | string {
  const blank = body.indexOf('\n\n');
  if (blank < 0) return 'no blank line after the proof';
  const head = body.slice(0, blank).split('\n');
  const oldLine = /^old (0|[1-9][0-9]*)$/.exec(head[0] ?? '');
  if (oldLine === null) return 'first line must be "old <size>"';
  const proofLines = head.slice(1);
  if (proofLines.length > MAX_PROOF_LINES) return 'too many proof lines';
  const proof: Uint8Array[] = [];
  for (const line of proofLines) {
    const h = fromBase64(line);
    if (h?.length !== HASH_SIZE) return 'a proof line is not base64 of 32 bytes';
    proof.push(h);
  }
  return { old: Number(oldLine[1]), proof, note: body.slice(blank + 2) };
}
