import { hash } from 'node:crypto';

/**
 * A UUID (version 8, RFC 9562 §5.8: name-based with SHA-256) from the caller, the request's
 * Idempotency-Key and a label. The same request always yields the same ids, so a retry that
 * reaches the store after a lost response re-appends the same ids and writes nothing.
 */
export function deterministicUuid(subject: string, key: string, label: string): string {
  // One-shot hash of the same bytes the three updates would feed (UTF-8, NUL-separated).
  const digest = hash('sha256', `${subject}\0${key}\0${label}`, 'buffer');
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Id of the index-th event a command writes. */
export function eventIdFor(subject: string, key: string, index: number): string {
  return deterministicUuid(subject, key, `event:${index}`);
}

/** Id of the command itself: the causation id of the events it writes. */
export function commandIdFor(subject: string, key: string): string {
  return deterministicUuid(subject, key, 'command');
}
