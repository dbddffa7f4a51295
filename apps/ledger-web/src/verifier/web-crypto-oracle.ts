// The ledger's verification code (libs/transparency, libs/ledger) is synchronous and asks
// node:crypto for SHA-256 digests and Ed25519 checks. In the browser those come from Web Crypto,
// which only answers asynchronously. So the verifier runs as often as needed: each run records
// the digests and signature checks it could not answer yet, Web Crypto computes them all, and
// the next run gets further. Only a run that asked for nothing new is an answer.

/** Thrown into the synchronous code when it needs a result Web Crypto has not given yet. */
export class NeedsWebCrypto extends Error {
  constructor() {
    super('waiting for Web Crypto');
    this.name = 'NeedsWebCrypto';
  }
}

const digests = new Map<string, string>();
/**
 * SHA-256 of the empty string (FIPS 180-4 test vector): libs/transparency computes the empty
 * tree's root when its module loads, before any Web Crypto call could have answered.
 */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const signatures = new Map<string, boolean>();
type Bytes = Uint8Array<ArrayBuffer>;
const wantedDigests = new Map<string, Bytes>();
const wantedSignatures = new Map<string, { key: Bytes; message: Bytes; signature: Bytes }>();

const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192)
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};
const utf8 = new TextEncoder();

/** SHA-256 of the input as a binary (latin1) string, as node:crypto's hash(…, 'binary') gives. */
export function sha256Binary(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? utf8.encode(input) : input;
  const key = latin1(bytes);
  const known = digests.get(key);
  if (known !== undefined) return known;
  wantedDigests.set(key, new Uint8Array(bytes));
  throw new NeedsWebCrypto();
}

export function ed25519Verified(
  key: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  const id = `${latin1(key)}\n${latin1(signature)}\n${latin1(message)}`;
  const known = signatures.get(id);
  if (known !== undefined) return known;
  wantedSignatures.set(id, {
    key: new Uint8Array(key),
    message: new Uint8Array(message),
    signature: new Uint8Array(signature),
  });
  throw new NeedsWebCrypto();
}

async function answerWanted(): Promise<void> {
  const subtle = crypto.subtle;
  await Promise.all([
    ...[...wantedDigests].map(async ([key, bytes]) => {
      const d = new Uint8Array(await subtle.digest('SHA-256', bytes));
      digests.set(key, latin1(d));
    }),
    ...[...wantedSignatures].map(async ([id, s]) => {
      let ok = false;
      try {
        const key = await subtle.importKey('raw', s.key, { name: 'Ed25519' }, false, ['verify']);
        ok = await subtle.verify({ name: 'Ed25519' }, key, s.signature, s.message);
      } catch {
        ok = false; // not a usable Ed25519 key: the signature does not verify
      }
      signatures.set(id, ok);
    }),
  ]);
  wantedDigests.clear();
  wantedSignatures.clear();
}

export interface OracleStats {
  runs: number;
  digests: number;
  signatures: number;
}

/**
 * Runs `work` until it completes without needing anything new from Web Crypto. The result of a
 * run that needed something is discarded (the code may have turned the interruption into a
 * failed check), so only a complete run's answer is returned.
 */
export async function withWebCrypto<T>(
  work: () => T | Promise<T>,
  maxRuns = 10_000,
): Promise<{ value: T; stats: OracleStats }> {
  for (let runs = 1; runs <= maxRuns; runs++) {
    wantedDigests.clear();
    wantedSignatures.clear();
    let value: T | undefined;
    let thrown: unknown;
    let failed = false;
    try {
      value = await work();
    } catch (e) {
      thrown = e;
      failed = true;
    }
    if (wantedDigests.size === 0 && wantedSignatures.size === 0) {
      if (failed) throw thrown;
      return {
        value: value as T,
        stats: { runs, digests: digests.size, signatures: signatures.size },
      };
    }
    await answerWanted();
  }
  throw new Error(`verification needed more than ${maxRuns} rounds of Web Crypto`);
}

/** Forget every answer (a new bundle to check). */
export function resetOracle(): void {
  digests.clear();
  signatures.clear();
  digests.set('', String.fromCharCode(...EMPTY_SHA256.match(/../g)!.map((h) => parseInt(h, 16))));
}
resetOracle();
