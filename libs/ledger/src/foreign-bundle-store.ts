import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '@inr/transparency';
import { traineeBundleHash, type TraineeBundle } from './trainee-bundle';

/** `<dataDir>/foreign-bundles/`: the other ledgers' bundles that recognitions rest on. */
export const FOREIGN_BUNDLES_DIR = 'foreign-bundles';
const HASH = /^[0-9a-f]{64}$/;

/**
 * Content-addressed: a bundle is stored as its RFC 8785 form under its SHA-256, so a stored
 * recognition can be re-verified byte for byte. Written (and fsynced) before the recognition
 * event is appended, so an acknowledged recognition never lacks its bundle.
 */
export class ForeignBundleStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, FOREIGN_BUNDLES_DIR);
  }

  /** Stores the bundle (again: a no-op in effect) and returns its hash. */
  put(bundle: TraineeBundle): string {
    const hash = traineeBundleHash(bundle);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `${hash}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, canonicalJson(bundle));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    const dirFd = openSync(this.dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
    return hash;
  }

  get(hash: string): TraineeBundle | undefined {
    if (!HASH.test(hash)) return undefined;
    try {
      return JSON.parse(readFileSync(join(this.dir, `${hash}.json`), 'utf8')) as TraineeBundle;
    } catch {
      return undefined;
    }
  }
}
