import { isDomainEventType, personalDataOf, type DomainEventType } from '@inr/domain';
import { isEnvelope, openValue, parseEnvelope, sealValue } from './envelope';
import type { PersonalDataKeyStore } from './key-store';

/** What a view shows for a personal field whose key was destroyed, or is missing. */
export const ERASED_VALUE = '[erased]';
export const UNAVAILABLE_VALUE = '[unavailable]';
/** What a reader who may not read a personal field is shown instead of it. */
export const REDACTED_VALUE = '[redacted]';

type Data = Record<string, unknown>;

/**
 * Whose personal data an event carries (PERSONAL_DATA), or undefined if none. Credential life
 * events name only the application: `applicant` is its trainee, from the application stream.
 */
export function subjectOfEvent(type: string, data: Data, applicant?: string): string | undefined {
  if (!isDomainEventType(type)) return undefined;
  const { subject } = personalDataOf(type);
  if (subject === 'none') return undefined;
  const id = 'field' in subject ? data[subject.field] : applicant;
  return typeof id === 'string' ? id : undefined;
}

/** Seals and opens personal fields: the one place the inventory meets the keys. */
export class PersonalData {
  constructor(readonly keys: PersonalDataKeyStore) {}

  /**
   * The event's data with each personal field present replaced by its envelope under the
   * subject's key (created if new). Throws SubjectErasedError for an erased subject.
   */
  seal(type: string, data: Data, subjectId: string | undefined): Data {
    if (!isDomainEventType(type) || subjectId === undefined) return data;
    const fields = personalDataOf(type as DomainEventType).fields;
    let out = data;
    for (const { path } of fields) {
      const value = fieldAt(out, path);
      if (typeof value !== 'string' || isEnvelope(value)) continue;
      out = setPath(out, path, sealValue(value, subjectId, this.keys.keyFor(subjectId)));
    }
    return out;
  }

  /** Any JSON value with every envelope in it opened, or shown as erased / unavailable. */
  reveal<T>(value: T): T {
    if (this.keys.prefetch) {
      const subjects = new Set<string>();
      revealWith(value, (envelope) => {
        const subject = parseEnvelope(envelope)?.subjectId;
        if (subject !== undefined) subjects.add(subject);
        return envelope;
      });
      if (subjects.size > 1) this.keys.prefetch([...subjects]);
    }
    return revealWith(value, (envelope) => this.open(envelope)) as T;
  }

  /**
   * The event's data for a reader who may not read its personal fields: each one present
   * (sealed, or in clear in an event written before sealing) and any other envelope in it
   * shown as "[redacted]", never as ciphertext.
   */
  redact(type: string, data: Data): Data {
    let out = revealWith(data, () => REDACTED_VALUE) as Data;
    if (!isDomainEventType(type)) return out;
    for (const { path } of personalDataOf(type).fields) {
      if (typeof fieldAt(out, path) === 'string') out = setPath(out, path, REDACTED_VALUE);
    }
    return out;
  }

  open(text: string): string {
    const envelope = parseEnvelope(text);
    if (!envelope) return text;
    const found = this.keys.lookup(envelope.subjectId);
    if (found.status === 'erased') return ERASED_VALUE;
    if (found.status === 'unavailable') return UNAVAILABLE_VALUE;
    return openValue(envelope, found.key) ?? UNAVAILABLE_VALUE;
  }
}

function revealWith(value: unknown, open: (envelope: string) => string): unknown {
  if (typeof value === 'string') return isEnvelope(value) ? open(value) : value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = revealWith(item, open);
      if (next !== item) (copy ??= [...value])[i] = next;
    });
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    let copy: Data | undefined;
    for (const [key, item] of Object.entries(value)) {
      const next = revealWith(item, open);
      if (next !== item) (copy ??= { ...(value as Data) })[key] = next;
    }
    return copy ?? value;
  }
  return value;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The value at a field path of PERSONAL_DATA ("notes", "changes.notes"). */
export function fieldAt(data: Data, path: string): unknown {
  const [head, tail] = splitPath(path);
  const value = data[head];
  if (tail === undefined) return value;
  return value !== null && typeof value === 'object' ? (value as Data)[tail] : undefined;
}

function setPath(data: Data, path: string, next: string): Data {
  const [head, tail] = splitPath(path);
  if (tail === undefined) return { ...data, [head]: next };
  return { ...data, [head]: { ...(data[head] as Data), [tail]: next } };
}

function splitPath(path: string): [string, string | undefined] {
  const dot = path.indexOf('.');
  return dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)];
}
