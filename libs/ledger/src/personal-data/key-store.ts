export type KeyLookup =
  | { status: 'key'; key: Buffer }
  | { status: 'erased'; erasedOn: string }
  | { status: 'unavailable' };

export class SubjectErasedError extends Error {
  constructor(readonly subjectId: string) {
    super(`the personal data of ${subjectId} was erased: nothing new is recorded under it`);
  }
}

/**
 * Where the data keys of crypto-shredding live: a file in the data directory
 * (PersonalDataKeys, the embedded default) or the shared PostgreSQL database
 * (PostgresPersonalDataKeys, with DATABASE_URL, so every replica opens what any sealed and an
 * erasure on one reaches all). Synchronous, because sealing and opening are.
 */
export interface PersonalDataKeyStore {
  /** The subject's key, created on first use; throws SubjectErasedError for an erased subject. */
  keyFor(subjectId: string): Buffer;
  lookup(subjectId: string, fresh?: boolean): KeyLookup;
  /** Destroys the subject's key (idempotent) and leaves a tombstone. */
  erase(subjectId: string, erasedOn: string): void;
  /**
   * Reads, in one go, the keys that lookups of these subjects are about to need (a store that
   * answers a lookup with a round trip: one for a whole view, not one per sealed value).
   */
  prefetch?(subjectIds: readonly string[]): void;
  /** Subjects with a key: the candidates a retention run looks at. */
  subjects(): string[];
  close(): void;
}

/** A store's keys exactly as kept at rest (wrapped), for copying between stores. */
export interface WrappedKeys {
  /** The KeyWrapping name they were wrapped with. */
  wrapping: string;
  keys: { subjectId: string; wrapped: string; createdAt: string }[];
  erased: { subjectId: string; erasedOn: string }[];
}
