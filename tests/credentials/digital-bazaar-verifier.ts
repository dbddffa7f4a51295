import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** What a relying party holds offline, by URL: the DID document, its keys, status lists. */
export type HeldDocuments = Record<string, unknown>;

export interface IndependentVerdict {
  verified: boolean;
  error?: string;
  /** Each status list's bit for the credential, by statusPurpose. */
  status: { revocation?: boolean; suspension?: boolean };
  /** Every URL the verifier's document loader was asked for. */
  requested: string[];
}

/**
 * Verifies credentials with Digital Bazaar's VC libraries (ESM-only) in one child `node`
 * process, so Jest never loads ESM; see verify-with-digital-bazaar.mjs.
 */
export function verifyIndependently(
  requests: readonly { credential: unknown; documents: HeldDocuments }[],
): Promise<IndependentVerdict[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'verify-with-digital-bazaar.mjs')],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        resolve(
          stdout
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as IndependentVerdict),
        );
      },
    );
    child.stdin?.end(JSON.stringify(requests));
  });
}
