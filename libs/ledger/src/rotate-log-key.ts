import { closeSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@inr/event-store';
import { ed25519VerifierKey, generateNoteKey, type Ed25519NoteKey } from '@inr/transparency';
import { keyChain } from './key-chain';
import {
  LOG_KEY_ROTATED,
  rotationData,
  rotationEventId,
  rotationStream,
  signRotation,
} from './key-rotation';
import type { LedgerLog } from './ledger-log';
import {
  LOG_KEY_FILE,
  readSigningKeyFile,
  SigningKeyError,
  writeSigningKeyFile,
} from './signing-key';
import type { LedgerStore } from './sqlite-hash-store';

/** `<dataDir>/log-key.next`: the new key between its creation and the logged rotation. */
export const NEXT_LOG_KEY_FILE = 'log-key.next';

export interface RotateLogKeyOptions {
  dataDir: string;
  origin: string;
  institution: string;
  events: EventStore;
  log: LedgerLog;
  ledger: LedgerStore;
  /** The configured key (LEDGER_SIGNING_KEY), if any: then there is no key file to rotate. */
  configuredKey?: string;
  now?: () => Date;
}

export interface LogKeyRotationResult {
  previousVerifierKey: string;
  newVerifierKey: string;
  /** Leaf index of the LogKeyRotated event; the new key signs sizes from position + 1. */
  position: number;
  /** True when an interrupted rotation was finished rather than a new one started. */
  resumed: boolean;
}

/**
 * Rotate the log key: a new key in log-key.next, the LogKeyRotated event (signed by the old
 * key) in the log, then log-key.next renamed over log-key. Each step can be re-run: a crash
 * anywhere leaves either the old key in force or a rotation this function finishes next time.
 * The rename discards the old private key on purpose (see docs/ledger-format.md §10, "Operating it").
 */
export async function rotateLogKey(o: RotateLogKeyOptions): Promise<LogKeyRotationResult> {
  if (o.configuredKey) {
    throw new SigningKeyError(
      'the log key comes from LEDGER_SIGNING_KEY; rotate it where it is managed, not with --rotate',
    );
  }
  const keyFile = join(o.dataDir, LOG_KEY_FILE);
  const nextFile = join(o.dataDir, NEXT_LOG_KEY_FILE);
  await o.log.catchUp(); // so the keys table knows every rotation already logged
  const chainNow = (): string[] => keyChain(o.ledger.keyHistory()).map((e) => e.vkey);
  const current = chainNow().at(-1);
  if (current === undefined) {
    throw new SigningKeyError('this ledger has no recorded log key yet: sign a checkpoint first');
  }
  const pending = existsSync(nextFile) ? readSigningKeyFile(nextFile, o.origin) : undefined;
  if (pending !== undefined && ed25519VerifierKey(pending) === current) {
    const position = positionOf(o.ledger, current);
    install(nextFile, keyFile, o.dataDir);
    return { ...previousOf(o.ledger, current), newVerifierKey: current, position, resumed: true };
  }
  const old = readSigningKeyFile(keyFile, o.origin);
  if (ed25519VerifierKey(old) !== current) {
    throw new SigningKeyError(
      `${keyFile} holds ${ed25519VerifierKey(old)}, not the ledger's current key ${current}; ` +
        'restore the right key: a key swapped without a logged rotation cannot be rotated',
    );
  }
  const next: Ed25519NoteKey = pending ?? generateNoteKey(o.origin);
  if (pending === undefined) writeSigningKeyFile(nextFile, next);
  const rotation = signRotation(old, next, (o.now ?? (() => new Date()))());
  const appended = await o.events.append(rotationStream(o.institution), [
    {
      id: rotationEventId(rotation.newVerifierKey),
      type: LOG_KEY_ROTATED,
      data: rotationData(rotation),
      metadata: { tool: 'inr-ledger keys --rotate' },
    },
  ]);
  await o.log.catchUp(); // records the rotation with its leaf, in ledger.sqlite
  if (chainNow().at(-1) !== rotation.newVerifierKey) {
    throw new SigningKeyError('the rotation was logged but is not the newest key: rotated twice?');
  }
  install(nextFile, keyFile, o.dataDir);
  return {
    previousVerifierKey: rotation.previousVerifierKey,
    newVerifierKey: rotation.newVerifierKey,
    position: appended.firstPosition,
    resumed: false,
  };
}

/** rename(2) is atomic: log-key is the old key or the new one, never neither. */
function install(nextFile: string, keyFile: string, dataDir: string): void {
  renameSync(nextFile, keyFile);
  const fd = openSync(dataDir, 'r');
  try {
    fsyncSync(fd); // the rename itself must survive a crash
  } finally {
    closeSync(fd);
  }
}

function positionOf(ledger: LedgerStore, vkey: string): number {
  return keyChain(ledger.keyHistory()).find((e) => e.vkey === vkey)?.position ?? -1;
}

function previousOf(ledger: LedgerStore, vkey: string): { previousVerifierKey: string } {
  const chain = keyChain(ledger.keyHistory());
  const i = chain.findIndex((e) => e.vkey === vkey);
  return { previousVerifierKey: chain[i - 1]?.vkey ?? vkey };
}
