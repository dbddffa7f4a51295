import {
  ed25519Signer,
  ed25519Verifier,
  ed25519VerifierKey,
  formatCheckpoint,
  openNote,
  parseCheckpoint,
  signNote,
  verifyConsistency,
  type Ed25519NoteKey,
} from '@inr/transparency';
import type { LedgerLog } from './ledger-log';
import type { LedgerStore, StoredCheckpoint } from './sqlite-hash-store';

/** Signing would contradict an earlier signed checkpoint; nothing was signed. */
export class InconsistentCheckpointError extends Error {
  constructor(
    readonly lastSize: number,
    readonly size: number,
    reason: string,
  ) {
    super(`refusing to sign size ${size} after signed size ${lastSize}: ${reason}`);
    this.name = 'InconsistentCheckpointError';
  }
}

export interface CheckpointerOptions {
  origin: string;
  /** Longest wait between new events and the checkpoint that covers them (default 1000). */
  intervalMs?: number;
  onSigned?: (checkpoint: StoredCheckpoint) => void;
  onError?: (error: unknown) => void;
}

/**
 * Signs C2SP checkpoints of the log. Ed25519 is deterministic and the tree is a function of
 * the store, so every instance signs byte-identical checkpoints. The one rule it never
 * breaks: a new checkpoint must be provably consistent with the last one it stored.
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;

  constructor(
    private readonly log: LedgerLog,
    private readonly store: LedgerStore,
    private readonly key: Ed25519NoteKey,
    private readonly options: CheckpointerOptions,
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    if (key.name !== options.origin) throw new Error('the key name must be the origin');
    // A ledger keeps the key it started with; a different key would orphan every checkpoint.
    const vkey = ed25519VerifierKey(key);
    const recorded = store.keys();
    if (recorded.length === 0) store.recordKey(vkey);
    else if (!recorded.includes(vkey)) {
      throw new Error(`this ledger was signed with ${recorded.join(', ')}, not ${vkey}`);
    }
  }

  /** New events were integrated: a checkpoint covering them follows within intervalMs. */
  notify(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.signNow();
      } catch (e) {
        this.options.onError?.(e);
      }
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Sign the current tree if it grew; returns the latest stored checkpoint. */
  signNow(): StoredCheckpoint | undefined {
    const size = this.log.size();
    const last = this.store.latestCheckpoint();
    if (last !== undefined && last.size === size) return last;
    if (size === 0) return last;
    const root = this.log.root(size);
    if (last !== undefined) this.assertConsistent(last, size, root);
    const body = formatCheckpoint({ origin: this.options.origin, size, root, extensions: [] });
    this.store.addCheckpoint(size, signNote(body, [ed25519Signer(this.key)]));
    const signed = this.store.latestCheckpoint() as StoredCheckpoint;
    this.options.onSigned?.(signed);
    return signed;
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private assertConsistent(last: StoredCheckpoint, size: number, root: Uint8Array): void {
    const fail = (reason: string): never => {
      throw new InconsistentCheckpointError(last.size, size, reason);
    };
    if (size < last.size) fail('the tree is smaller than the signed one');
    const opened = openNote(last.note, [ed25519Verifier(this.key)]);
    if (!opened.ok) fail(`the stored checkpoint does not verify: ${opened.reason}`);
    const parsed = opened.ok ? parseCheckpoint(opened.value.text) : undefined;
    if (!parsed?.ok) return fail('the stored checkpoint is malformed');
    const proof = this.log.consistencyProof(last.size, size);
    if (!verifyConsistency(last.size, size, parsed.value.root, root, proof)) {
      fail('no valid consistency proof from the signed root');
    }
  }
}
