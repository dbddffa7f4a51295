import {
  ed25519Signer,
  ed25519Verifier,
  ed25519VerifierKey,
  formatCheckpoint,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  signNote,
  verifyConsistency,
  type Ed25519NoteKey,
} from '@inr/transparency';
import { epochFor, type LogKeyEpoch } from './key-chain';
import type { LedgerLog } from './ledger-log';
import type { SigningBlock } from './published-checkpoints';
import { baselineCheckpoint, chainFor, signingBlockOf } from './signing-guard';
import { RetryBackoff, type BackoffOptions, type LogFailure } from './retry-backoff';
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

/**
 * The tree reached a size that a logged rotation assigns to another key, and the configured
 * key is not that one (yet): nothing was signed. Retried every interval until the key is there.
 */
export class SigningKeyPendingError extends Error {
  constructor(
    readonly size: number,
    readonly required: string,
    readonly configured: string,
  ) {
    super(
      `size ${size} must be signed by ${required} (a logged rotation), but the configured key is ` +
        `${configured}; finish the rotation with \`inr-ledger keys --rotate\``,
    );
    this.name = 'SigningKeyPendingError';
  }
}

/**
 * The tree is smaller than, or inconsistent with, a checkpoint this log is known to have
 * published (a restored old backup, lost events): signing it would be a rollback or a fork.
 */
export class SigningBlockedError extends InconsistentCheckpointError {
  constructor(readonly block: SigningBlock) {
    super(block.publishedSize, block.treeSize, block.message);
    this.name = 'SigningBlockedError';
  }
}

/** How often a blocked log looks again whether it may sign (it also looks on new events). */
const BLOCKED_RETRY_MS = 5_000;

export interface CheckpointerOptions {
  origin: string;
  /** Longest wait between new events and the checkpoint that covers them (default 1000). */
  intervalMs?: number;
  onSigned?: (checkpoint: StoredCheckpoint) => void;
  /** Signing became blocked (with why) or unblocked (undefined); called on each change. */
  onBlockChange?: (block: SigningBlock | undefined) => void;
  /** Signing failed; it is retried after `retryInMs` (backoff), new events or not. */
  onError?: (error: unknown, retryInMs: number) => void;
  /** Retry delays after a failure (default 250 ms doubling to 30 s). */
  backoff?: BackoffOptions;
  /**
   * Re-reads the configured key. Called only when the tree reaches a size that a logged
   * rotation assigns to another key: that is how a running service picks up a rotated key
   * without a restart. Without it, signing stops at the rotation.
   */
  reloadKey?: () => Ed25519NoteKey;
}

/**
 * Signs C2SP checkpoints of the log. Ed25519 is deterministic and the tree is a function of
 * the store, so every instance signs byte-identical checkpoints. The one rule it never
 * breaks: a new checkpoint must be provably consistent with the last one it stored.
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;
  private lastBlock: SigningBlock | undefined;
  private readonly backoff: RetryBackoff;
  private lastRetryMs: number | undefined;

  constructor(
    private readonly log: LedgerLog,
    private readonly store: LedgerStore,
    private key: Ed25519NoteKey,
    private readonly options: CheckpointerOptions,
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.backoff = new RetryBackoff('sign', options.backoff);
    if (key.name !== options.origin) throw new Error('the key name must be the origin');
    // A ledger keeps the key it started with, or one a logged rotation handed over to: any
    // other key (a log-key swapped by hand) would orphan every checkpoint.
    const vkey = ed25519VerifierKey(key);
    store.transaction(() => {
      if (store.keys().length === 0) store.recordKey(vkey);
    });
    const chain = this.chain().map((e) => e.vkey);
    if (!chain.includes(vkey)) {
      throw new Error(`this ledger was signed with ${chain.join(', ')}, not ${vkey}`);
    }
  }

  /** The verifier key of the newest key in the chain: the one new checkpoints need. */
  currentVerifierKey(): string {
    return this.chain().at(-1)?.vkey ?? ed25519VerifierKey(this.key);
  }

  /** Set while signing fails; cleared by the first signature that works. */
  get failure(): LogFailure | undefined {
    return this.backoff.failure;
  }

  /** New events were integrated: a checkpoint covering them follows within intervalMs. */
  notify(): void {
    this.schedule(this.intervalMs);
  }

  private schedule(delayMs: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.signNow();
      } catch (e) {
        // No new event may come to wake us: keep trying, ever less often (a rotated key not yet
        // in place is looked for every interval, a blocked log every few seconds), until a
        // signature works.
        const retryIn =
          e instanceof SigningKeyPendingError
            ? this.intervalMs
            : e instanceof SigningBlockedError
              ? Math.max(this.intervalMs, BLOCKED_RETRY_MS)
              : (this.lastRetryMs ?? 0);
        this.options.onError?.(e, retryIn);
        this.schedule(retryIn);
      }
    }, delayMs);
    this.timer.unref();
  }

  /**
   * Why the current tree may not be signed, if it may not: it lacks leaves of, or contradicts,
   * a checkpoint the log signed (ledger.sqlite) or is known to have published (witnesses,
   * backups, operators), and no logged, signed reset gave that checkpoint up.
   */
  signingBlock(): SigningBlock | undefined {
    const block = signingBlockOf(this.log, this.store, this.chain());
    if (block?.code !== this.lastBlock?.code || block?.message !== this.lastBlock?.message) {
      this.lastBlock = block;
      this.options.onBlockChange?.(block);
    }
    return block;
  }

  /** Sign the current tree if it grew; returns the latest stored checkpoint. */
  signNow(): StoredCheckpoint | undefined {
    try {
      // One transaction: in a store shared by replicas, the latest checkpoint cannot change
      // between the consistency check and the new row, and a size is signed only once.
      const { checkpoint, fresh } = this.store.transaction(() => {
        this.log.adoptSharedTree();
        return this.sign();
      });
      this.backoff.succeeded();
      if (fresh && checkpoint !== undefined) this.options.onSigned?.(checkpoint);
      return checkpoint;
    } catch (e) {
      // A blocked log is a refusal with its own /ready reason (onBlockChange), not a failure.
      if (!(e instanceof SigningBlockedError)) this.lastRetryMs = this.backoff.failed(e);
      throw e;
    }
  }

  private sign(): { checkpoint: StoredCheckpoint | undefined; fresh: boolean } {
    const size = this.log.size();
    const block = this.signingBlock();
    if (block !== undefined) throw new SigningBlockedError(block);
    const chain = this.chain();
    const last = baselineCheckpoint(this.store, chain, size);
    if (last !== undefined && last.size === size) return { checkpoint: last, fresh: false };
    if (size === 0) return { checkpoint: last, fresh: false };
    const key = this.keyFor(chain, size);
    const root = this.log.root(size);
    if (last !== undefined) this.assertConsistent(last, size, root, chain);
    const body = formatCheckpoint({ origin: this.options.origin, size, root, extensions: [] });
    this.store.addCheckpoint(size, signNote(body, [ed25519Signer(key)]));
    return { checkpoint: this.store.latestCheckpoint() as StoredCheckpoint, fresh: true };
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private chain(): LogKeyEpoch[] {
    return chainFor(this.store, this.options.origin);
  }

  /** The key the chain assigns to `size`, reloading the configured one if it changed since. */
  private keyFor(chain: readonly LogKeyEpoch[], size: number): Ed25519NoteKey {
    const required = epochFor(chain, size)?.vkey;
    if (required === undefined || required === ed25519VerifierKey(this.key)) return this.key;
    const reloaded = this.options.reloadKey?.();
    if (reloaded !== undefined && ed25519VerifierKey(reloaded) === required) {
      this.key = reloaded;
      return reloaded;
    }
    throw new SigningKeyPendingError(size, required, ed25519VerifierKey(reloaded ?? this.key));
  }

  private assertConsistent(
    last: StoredCheckpoint,
    size: number,
    root: Uint8Array,
    chain: readonly LogKeyEpoch[],
  ): void {
    const fail = (reason: string): never => {
      throw new InconsistentCheckpointError(last.size, size, reason);
    };
    if (size < last.size) fail('the tree is smaller than the signed one');
    // The last checkpoint keeps the signature of the key that was current at its size.
    const signer = epochFor(chain, last.size)?.vkey;
    const verifier = ed25519Verifier(signer ? parseVerifierKey(signer) : this.key);
    const opened = openNote(last.note, [verifier]);
    if (!opened.ok) fail(`the stored checkpoint does not verify: ${opened.reason}`);
    const parsed = opened.ok ? parseCheckpoint(opened.value.text) : undefined;
    if (!parsed?.ok) return fail('the stored checkpoint is malformed');
    const proof = this.log.consistencyProof(last.size, size);
    if (!verifyConsistency(last.size, size, parsed.value.root, root, proof)) {
      fail('no valid consistency proof from the signed root');
    }
  }
}
