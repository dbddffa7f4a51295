import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Bitstring Status List: at least 16 KiB (131,072 entries) per list, so that one credential's
 * index hides among many (the specification's minimum, for group privacy).
 */
export const LIST_LENGTH = 131_072;

/**
 * `encodedList`: multibase base64url (prefix `u`, no padding) of the GZIP-compressed bitstring;
 * index 0 is the most significant bit of the first byte.
 */
export function encodeBitstring(setIndexes: Iterable<number>, length = LIST_LENGTH): string {
  const bytes = Buffer.alloc(length / 8);
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= length)
      throw new Error(`status index ${index} outside the list`);
    bytes[index >> 3]! |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** The bit at `index` of an `encodedList`; throws on a list that is not multibase GZIP. */
export function bitAt(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url (u…)');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), {
    maxOutputLength: 16 * 1024 * 1024,
  });
  if (!Number.isInteger(index) || index < 0 || index >= bytes.length * 8)
    throw new Error(`status index ${index} outside the list of ${bytes.length * 8}`);
  return ((bytes[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}
