import { fromBase64, HASH_SIZE, toBase64 } from './hashing';
import { NoteResult } from './signed-note';

/** C2SP tlog-checkpoint body: origin, decimal size, base64 root, optional extension lines. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  extensions: string[];
}

export function formatCheckpoint(c: Checkpoint): string {
  if (c.origin.length === 0 || c.origin.includes('\n')) throw new Error('bad origin');
  if (!Number.isSafeInteger(c.size) || c.size < 0) throw new Error('bad size');
  if (c.root.length !== HASH_SIZE) throw new Error('root must be 32 bytes');
  const ext = c.extensions.map((e) => {
    if (e.length === 0 || e.includes('\n')) throw new Error('bad extension line');
    return `${e}\n`;
  });
  return `${c.origin}\n${c.size}\n${toBase64(c.root)}\n${ext.join('')}`;
}

/** Parse a checkpoint body (the text of its signed note). */
export function parseCheckpoint(text: string): NoteResult<Checkpoint> {
  if (!text.endsWith('\n')) return { ok: false, reason: 'checkpoint must end in a newline' };
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (origin === undefined || origin.length === 0) return { ok: false, reason: 'empty origin' };
  if (sizeLine === undefined || !/^(0|[1-9][0-9]*)$/.test(sizeLine)) {
    return { ok: false, reason: 'size is not a decimal without leading zeros' };
  }
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) return { ok: false, reason: 'size too large' };
  const root = rootLine === undefined ? undefined : fromBase64(rootLine);
  if (root?.length !== HASH_SIZE) return { ok: false, reason: 'root is not base64 of 32 bytes' };
  if (extensions.some((e) => e.length === 0)) return { ok: false, reason: 'empty extension line' };
  return { ok: true, value: { origin, size, root, extensions } };
}
