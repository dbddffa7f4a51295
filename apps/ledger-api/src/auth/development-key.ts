import {
  generateKeyPairSync,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir } from '@inr/event-store';

export const DEV_KEY_FILE = 'dev-jwt.key';

export interface DevelopmentKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * The local signing key used when no identity provider is configured: an Ed25519 key in
 * <dataDir>/dev-jwt.key, created on first use with mode 0600 (it mints any role's token).
 */
export function loadOrCreateDevelopmentKey(dataDir: string): DevelopmentKey {
  const path = join(dataDir, DEV_KEY_FILE);
  if (!existsSync(path)) {
    privateDir(dataDir);
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      // 'wx': never overwrite a key another process created a moment ago.
      writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(path, 0o600);
  const privateKey = createPrivateKey(readFileSync(path));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
