/**
 * The KMS hook: how a subject's data key is kept at rest in the key store file. The default
 * keeps it as is (the file is 0600 in the 0700 data directory); a deployment with a key
 * management service supplies one that wraps each key under a master key the KMS holds, so a
 * copy of the file alone opens nothing. Wrapping runs when a key is created; unwrapping when
 * the store is loaded, so every other path stays synchronous.
 */
export interface KeyWrapping {
  /** Recorded in the file; a store written under one wrapping is refused under another. */
  readonly name: string;
  wrap(key: Buffer, subjectId: string): string;
  unwrap(wrapped: string, subjectId: string): Buffer;
}

export const LOCAL_KEY_WRAPPING: KeyWrapping = {
  name: 'local',
  wrap: (key) => key.toString('base64'),
  unwrap: (wrapped) => Buffer.from(wrapped, 'base64'),
};
