import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

// A personal field's value as stored: "enc:pd1:<subjectId>:<iv>:<ciphertext+tag>", each part base64url,
// AES-256-GCM under the subject's data key with the prefix up to the subject as associated
// data. A string stays a string, so schemas, upcasters and the stores see no new type; the
// leaf commits to these bytes, so destroying the key erases the value and no proof changes.
export const ENVELOPE_PREFIX = 'enc:pd1:';
const ENVELOPE = /^enc:pd1:([A-Za-z0-9_-]{2,172}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22,})$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Envelope {
  subjectId: string;
  iv: Buffer;
  /** Ciphertext followed by the 16-byte GCM tag. */
  sealed: Buffer;
}

export function isEnvelope(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX) && ENVELOPE.test(value);
}

export function parseEnvelope(value: string): Envelope | undefined {
  const m = ENVELOPE.exec(value);
  if (!m) return undefined;
  return {
    subjectId: Buffer.from(m[1] as string, 'base64url').toString('utf8'),
    iv: Buffer.from(m[2] as string, 'base64url'),
    sealed: Buffer.from(m[3] as string, 'base64url'),
  };
}

function aad(subjectId: string): Buffer {
  return Buffer.from(`${ENVELOPE_PREFIX}${subjectId}`, 'utf8');
}

/**
 * Fresh random IVs, drawn from the CSPRNG 256 at a time (one call per IV cost a third of a
 * seal); each is handed out once, and the pool is refilled, never reused.
 */
let ivPool = Buffer.alloc(0);
let ivNext = 0;

function nextIv(): Buffer {
  if (ivNext + IV_BYTES > ivPool.length) {
    ivPool = randomFillSync(Buffer.allocUnsafe(IV_BYTES * 256));
    ivNext = 0;
  }
  const iv = ivPool.subarray(ivNext, ivNext + IV_BYTES);
  ivNext += IV_BYTES;
  return iv;
}

export function sealValue(plain: string, subjectId: string, key: Buffer): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(subjectId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const subject = Buffer.from(subjectId, 'utf8').toString('base64url');
  return `${ENVELOPE_PREFIX}${subject}:${iv.toString('base64url')}:${body.toString('base64url')}`;
}

/** The plaintext, or undefined if the key does not open it (a wrong key or altered bytes). */
export function openValue(envelope: Envelope, key: Buffer): string | undefined {
  if (envelope.sealed.length < TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, envelope.iv);
    decipher.setAAD(aad(envelope.subjectId));
    decipher.setAuthTag(envelope.sealed.subarray(envelope.sealed.length - TAG_BYTES));
    const body = envelope.sealed.subarray(0, envelope.sealed.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
