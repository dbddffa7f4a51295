import type { JsonObject, RecordedEvent } from '@inr/event-store';
import { stringFields } from './event-fields';
import {
  ed25519Signer,
  ed25519Verifier,
  openNote,
  parseVerifierKey,
  signNote,
  type Ed25519NoteKey,
} from '@inr/transparency';

/** The event type of an operator's decision to continue the log from a smaller or other tree. */
export const LOG_RESET = 'LogReset';

/**
 * The data of a LogReset event. The log signs nothing that contradicts a checkpoint it is known
 * to have published, unless this decision, signed with the log key, is itself in the log.
 */
export interface LogReset {
  origin: string;
  /** The tree size the log continues from: the reset event's own leaf index. */
  fromSize: number;
  /** The largest published checkpoint given up: it and every known one up to its size. */
  abandonedSize: number;
  /** Its root (base64) when known; '-' when only its size is (a witness's answer). */
  abandonedRoot: string;
  decidedBy: string;
  decidedOn: string;
  reason: string;
  /** A signed note over logResetStatementText, signed by the log key at fromSize. */
  statement: string;
}

export type LogResetFields = Omit<LogReset, 'statement' | 'origin'>;

// First line fixed and not a log origin: the statement cannot be mistaken for a checkpoint.
const STATEMENT_HEADER = 'inr-ledger log reset v1';

/** One line per field: a newline in the operator's text would let it forge the next field. */
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');

export function logResetStatementText(origin: string, f: LogResetFields): string {
  return [
    STATEMENT_HEADER,
    origin,
    `from ${f.fromSize}`,
    `abandons ${f.abandonedSize} ${f.abandonedRoot}`,
    `by ${oneLine(f.decidedBy)}`,
    `on ${f.decidedOn}`,
    `because ${oneLine(f.reason)}`,
    '',
  ].join('\n');
}

export function signLogReset(key: Ed25519NoteKey, fields: LogResetFields): LogReset {
  const text = logResetStatementText(key.name, fields);
  return { ...fields, origin: key.name, statement: signNote(text, [ed25519Signer(key)]) };
}

/** Whether the reset at leaf `position` was signed by `vkey` (the log key at that size). */
export function verifyLogReset(reset: LogReset, vkey: string, position: number): boolean {
  if (reset.fromSize !== position) return false;
  try {
    const key = parseVerifierKey(vkey);
    if (key.name !== reset.origin) return false;
    const opened = openNote(reset.statement, [ed25519Verifier(key)]);
    return opened.ok && opened.value.text === logResetStatementText(reset.origin, reset);
  } catch {
    return false;
  }
}

/** The reset an event carries, or undefined when it is not a well-formed LogReset. */
export function logResetOf(event: Pick<RecordedEvent, 'type' | 'data'>): LogReset | undefined {
  if (event.type !== LOG_RESET) return undefined;
  const d = event.data;
  const strings = stringFields(d, [
    'origin',
    'abandonedRoot',
    'decidedBy',
    'decidedOn',
    'reason',
    'statement',
  ]);
  const [fromSize, abandonedSize] = [d['fromSize'], d['abandonedSize']];
  if (strings === undefined || !Number.isSafeInteger(fromSize)) return undefined;
  if (!Number.isSafeInteger(abandonedSize)) return undefined;
  return { ...strings, fromSize: fromSize as number, abandonedSize: abandonedSize as number };
}

export const logResetData = (r: LogReset): JsonObject => ({ ...r });
