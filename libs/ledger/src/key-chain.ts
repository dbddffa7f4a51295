import { verifyRotation, type LogKeyRotation } from './key-rotation';

/** A row of the keys table: the ledger's first key, or a key a logged rotation introduced. */
export interface LogKeyRecord {
  vkey: string;
  /** First tree size the key signs: 0 for the first key, p + 1 for a rotation logged at leaf p. */
  fromSize: number;
  /** The LogKeyRotated event that introduced the key; absent for the ledger's first key. */
  rotation?: LogKeyRotation & { position: number };
}

/** A key of the chain and the tree sizes it signs: [fromSize, untilSize), open-ended when current. */
export interface LogKeyEpoch {
  vkey: string;
  fromSize: number;
  untilSize?: number;
  /** Leaf index of the rotation event that introduced it. */
  position?: number;
}

/**
 * The keys the log may sign with, oldest first: the first recorded key, then every recorded
 * rotation whose statement the key before it signed. Anything else (a row written by hand, a
 * rotation event forged without the current key) is not part of the chain and signs nothing.
 */
export function keyChain(records: readonly LogKeyRecord[]): LogKeyEpoch[] {
  const first = records.find((r) => r.rotation === undefined);
  if (first === undefined) return [];
  const chain: LogKeyEpoch[] = [{ vkey: first.vkey, fromSize: 0 }];
  const rotations = records
    .filter((r) => r.rotation !== undefined)
    .sort((a, b) => a.fromSize - b.fromSize);
  for (const r of rotations) {
    const current = chain[chain.length - 1] as LogKeyEpoch;
    const rotation = r.rotation as LogKeyRotation & { position: number };
    if (r.fromSize !== rotation.position + 1 || r.fromSize < current.fromSize) continue;
    if (!verifyRotation(rotation, current.vkey).ok || rotation.newVerifierKey !== r.vkey) continue;
    current.untilSize = r.fromSize;
    chain.push({ vkey: r.vkey, fromSize: r.fromSize, position: rotation.position });
  }
  return chain;
}

/** The key that signs a checkpoint of this size: the last rotation logged below it decides. */
export function epochFor(chain: readonly LogKeyEpoch[], size: number): LogKeyEpoch | undefined {
  let found: LogKeyEpoch | undefined;
  for (const e of chain) if (e.fromSize <= size) found = e;
  return found;
}
