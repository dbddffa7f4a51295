import type { PersonalDataKeys } from '../personal-data/personal-data-keys';
import type { PostgresPersonalDataKeys } from './postgres-personal-data-keys';

/** The target holds another key for a person, or keys wrapped another way: nothing was written. */
export class PersonalDataKeyConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalDataKeyConflictError';
  }
}

export interface KeyCopyResult {
  /** Keys written (people the target had no row for). */
  copied: number;
  /** Keys the target already held, identical. */
  alreadyThere: number;
  /** Erasures (tombstones) written or already there; any key of theirs in the target is gone. */
  erased: number;
}

/**
 * What copying the file store's keys into PostgreSQL would do, or why it must not: a person
 * whose key in the target differs from ours (fields sealed under one of the two would become
 * unreadable) or a key wrapped another way is refused. A person erased in either place stays
 * erased: a key is never copied over a tombstone.
 */
export function planPersonalDataKeyCopy(
  source: PersonalDataKeys,
  target: PostgresPersonalDataKeys,
): KeyCopyResult {
  const ours = source.wrappedKeys();
  const theirs = new Map(
    target
      .storedRows([...ours.keys, ...ours.erased].map((k) => k.subjectId))
      .map((r) => [r.subject_id, r]),
  );
  let alreadyThere = 0;
  for (const { subjectId, wrapped } of ours.keys) {
    const row = theirs.get(subjectId);
    if (row === undefined || row.wrapped_key === null) continue;
    if (row.wrapping !== ours.wrapping)
      throw new PersonalDataKeyConflictError(
        `PostgreSQL holds keys wrapped with '${row.wrapping}', ours are '${ours.wrapping}'`,
      );
    if (row.wrapped_key !== wrapped)
      throw new PersonalDataKeyConflictError(
        `PostgreSQL holds another personal-data key for ${subjectId}`,
      );
    alreadyThere++;
  }
  const copied = ours.keys.filter((k) => !theirs.has(k.subjectId)).length;
  return { copied, alreadyThere, erased: ours.erased.length };
}

/** Copies the keys (still wrapped) and tombstones, after planPersonalDataKeyCopy's checks. */
export function copyPersonalDataKeysToPostgres(
  source: PersonalDataKeys,
  target: PostgresPersonalDataKeys,
): KeyCopyResult {
  const plan = planPersonalDataKeyCopy(source, target);
  const { wrapping, keys, erased } = source.wrappedKeys();
  target.importWrapped(wrapping, keys, erased);
  return plan;
}
