import {
  Checkpointer,
  LedgerLog,
  loadOrCreateSigningKey,
  type SqliteHashStore,
  type StoredCheckpoint,
} from '@inr/ledger';
import type { EventStore } from '@inr/event-store';
import { ed25519VerifierKey } from '@inr/transparency';

export interface SignedDemoLog {
  log: LedgerLog;
  checkpoint: StoredCheckpoint;
  logVerifierKey: string;
}

/**
 * Integrates every event into the Merkle log and signs a checkpoint with the institution's key,
 * the same key and origin `inr-ledger serve` will use on this directory, so the service carries on
 * from this checkpoint instead of refusing a foreign one.
 */
export async function signDemoCheckpoint(
  events: EventStore,
  hashes: SqliteHashStore,
  dataDir: string,
  origin: string,
  /** LEDGER_SIGNING_KEY, if configured: the demo signs with the key the service will use. */
  signingKey: string | undefined,
): Promise<SignedDemoLog> {
  const log = new LedgerLog(events, hashes);
  await log.catchUp();
  const key = loadOrCreateSigningKey(dataDir, origin, signingKey);
  const checkpoint = new Checkpointer(log, hashes, key, { origin }).signNow();
  if (checkpoint === undefined) throw new Error('the demo ledger is empty: nothing to sign');
  return { log, checkpoint, logVerifierKey: ed25519VerifierKey(key) };
}
