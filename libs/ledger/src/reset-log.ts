import type { EventStore } from '@inr/event-store';
import { ed25519VerifierKey, toBase64, type Ed25519NoteKey } from '@inr/transparency';
import { epochFor } from './key-chain';
import { derivedEventId, rotationStream } from './key-rotation';
import type { LedgerLog } from './ledger-log';
import { LOG_RESET, logResetData, signLogReset, type LogReset } from './log-reset';
import { checkpointRoot } from './published-checkpoints';
import { chainFor, signingBlockOf } from './signing-guard';
import type { LedgerStore } from './sqlite-hash-store';

export interface ResetLogOptions {
  origin: string;
  institution: string;
  /** The log key current at the tree's size: only its holder may decide a reset. */
  key: Ed25519NoteKey;
  events: EventStore;
  log: LedgerLog;
  ledger: LedgerStore;
  decidedBy: string;
  reason: string;
  now?: () => Date;
}

export class LogResetRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'LogResetRefused';
  }
}

/**
 * Record the operator's signed decision to continue the log without the checkpoint(s) it is
 * blocked on: a LogReset event at the tree's current size, signed by the log key. From that
 * leaf on, the checkpointer no longer holds the tree to the abandoned checkpoints. Witnesses
 * will still refuse the new checkpoints (they saw the old ones): that is for the operator to
 * settle with each partner, and the reason the decision is in the log for everyone to see.
 */
export async function resetLog(o: ResetLogOptions): Promise<{ reset: LogReset; position: number }> {
  await o.log.catchUp();
  const chain = chainFor(o.ledger, o.origin);
  const size = o.log.size();
  const block = signingBlockOf(o.log, o.ledger, chain);
  if (block === undefined) {
    throw new LogResetRefused(
      `nothing to reset: the tree (${size} leaves) contradicts no checkpoint this log published`,
    );
  }
  const required = epochFor(chain, size)?.vkey;
  if (required !== undefined && required !== ed25519VerifierKey(o.key)) {
    throw new LogResetRefused(`the decision must be signed by ${required}, the log key at ${size}`);
  }
  const reset = signLogReset(o.key, {
    fromSize: size,
    abandonedSize: block.publishedSize,
    abandonedRoot: rootOf(o.ledger, block.publishedSize),
    decidedBy: o.decidedBy,
    decidedOn: (o.now ?? (() => new Date()))().toISOString(),
    reason: o.reason,
  });
  const appended = await o.events.append(rotationStream(o.institution), [
    {
      id: derivedEventId(`${LOG_RESET}\n${size}\n${reset.abandonedSize}`),
      type: LOG_RESET,
      data: logResetData(reset),
      metadata: { tool: 'inr-ledger log-reset' },
    },
  ]);
  await o.log.catchUp(); // records the reset with its leaf, in ledger.sqlite
  if (appended.firstPosition !== size) {
    throw new LogResetRefused(
      `another write took leaf ${size} first (the reset landed at ${appended.firstPosition}, ` +
        'where it does not count): stop writers and run the reset again',
    );
  }
  return { reset, position: appended.firstPosition };
}

/** The root (base64) of the checkpoint of `size` we know, or '-' when only its size is known. */
function rootOf(ledger: LedgerStore, size: number): string {
  const published = ledger.published().find((p) => p.size === size && p.root !== undefined);
  if (published?.root !== undefined) return toBase64(published.root);
  const own = ledger.checkpoints().find((c) => c.size === size);
  return (own && checkpointRoot(own)?.root) ?? '-';
}
