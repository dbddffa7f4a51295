import type { JsonObject, RecordedEvent } from '@inr/event-store';
import { stringFields } from './event-fields';
import {
  ed25519Signer,
  ed25519Verifier,
  ed25519VerifierKey,
  openNote,
  parseVerifierKey,
  sha256,
  signNote,
  SIG_TYPE_ED25519,
  type Ed25519NoteKey,
  type ParsedVerifierKey,
} from '@inr/transparency';

/** The event type that moves the log to a new signing key, from the leaf after it on. */
export const LOG_KEY_ROTATED = 'LogKeyRotated';

/** Rotations live in the institution's own stream: the log key is the institution's. */
export const rotationStream = (institution: string): string => `institution-${institution}`;

/** The data of a LogKeyRotated event, as a verifier reads it from the leaf. */
export interface LogKeyRotation {
  origin: string;
  previousVerifierKey: string;
  newVerifierKey: string;
  rotatedOn: string;
  /** A signed note over rotationStatementText, signed by the previous key and the new one. */
  statement: string;
}

// First line fixed and not a log origin: the statement cannot be mistaken for a checkpoint.
const STATEMENT_HEADER = 'inr-ledger log key rotation v1';

/** The note text both keys sign: who hands over to whom, for which log. */
export function rotationStatementText(origin: string, previous: string, next: string): string {
  return `${STATEMENT_HEADER}\n${origin}\n${previous}\n${next}\n`;
}

/**
 * The rotation `previous` hands to `next`. The previous key's signature is what makes it a
 * rotation (only the holder of the current key can name its successor); the new key's proves
 * that whoever rotated holds the key they handed over to.
 */
export function signRotation(
  previous: Ed25519NoteKey,
  next: Ed25519NoteKey,
  rotatedOn: Date,
): LogKeyRotation {
  const [from, to] = [ed25519VerifierKey(previous), ed25519VerifierKey(next)];
  const text = rotationStatementText(previous.name, from, to);
  return {
    origin: previous.name,
    previousVerifierKey: from,
    newVerifierKey: to,
    rotatedOn: rotatedOn.toISOString(),
    statement: signNote(text, [ed25519Signer(previous), ed25519Signer(next)]),
  };
}

export type RotationCheck = { ok: true } | { ok: false; reason: string };

/** Whether `rotation` validly hands the log from `current` (a vkey) to its new key. */
export function verifyRotation(rotation: LogKeyRotation, current: string): RotationCheck {
  const fail = (reason: string): RotationCheck => ({ ok: false, reason });
  if (rotation.previousVerifierKey !== current) {
    return fail(
      `it rotates from ${rotation.previousVerifierKey}, but the current key is ${current}`,
    );
  }
  const prev = logKey(current);
  const next = logKey(rotation.newVerifierKey);
  if (prev === undefined) return fail('the current key is not a log vkey');
  if (next === undefined) return fail('the new key is not an Ed25519 log vkey');
  if (rotation.origin !== prev.name || next.name !== prev.name) {
    return fail('the new key must be named for the same origin');
  }
  if (rotation.newVerifierKey === current) return fail('the new key is the current key');
  const text = rotationStatementText(rotation.origin, current, rotation.newVerifierKey);
  for (const [who, key] of [
    ['previous', prev],
    ['new', next],
  ] as const) {
    const opened = openNote(rotation.statement, [ed25519Verifier(key)]);
    if (!opened.ok) return fail(`the statement is not signed by the ${who} key: ${opened.reason}`);
    if (opened.value.text !== text) return fail('the statement does not name these keys');
  }
  return { ok: true };
}

/** The rotation an event carries, or undefined when it is not a well-formed LogKeyRotated. */
export function rotationOf(
  event: Pick<RecordedEvent, 'type' | 'data'>,
): LogKeyRotation | undefined {
  if (event.type !== LOG_KEY_ROTATED) return undefined;
  return stringFields(event.data, [
    'origin',
    'previousVerifierKey',
    'newVerifierKey',
    'rotatedOn',
    'statement',
  ]);
}

export const rotationData = (r: LogKeyRotation): JsonObject => ({ ...r });

/** One event id per new key: re-running an interrupted rotation appends nothing twice. */
export function rotationEventId(newVerifierKey: string): string {
  return derivedEventId(`${LOG_KEY_ROTATED}\n${newVerifierKey}`);
}

/** A UUID (RFC 9562 version 8) derived from `seed`: the same decision always gets the same id. */
export function derivedEventId(seed: string): string {
  const h = Buffer.from(sha256(Buffer.from(seed, 'utf8')));
  h[6] = ((h[6] as number) & 0x0f) | 0x80; // RFC 9562 version 8 (custom)
  h[8] = ((h[8] as number) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function logKey(vkey: string): ParsedVerifierKey | undefined {
  try {
    const k = parseVerifierKey(vkey);
    return k.type === SIG_TYPE_ED25519 ? k : undefined;
  } catch {
    return undefined;
  }
}
