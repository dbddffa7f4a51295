import { checkpointForBundle } from './checkpoint-for-bundle';
import type { StoredCheckpoint } from './sqlite-hash-store';

const checkpoint = (size: number, cosigners: number): StoredCheckpoint => ({
  size,
  note: `origin\n${size}\nroot\n`,
  cosignatures: Array.from({ length: cosigners }, (_, i) => `— witness-${i} sig\n`),
  signedAt: '2026-11-28T00:00:00.000Z',
});

describe('the checkpoint a provenance bundle carries', () => {
  it('prefers a cosigned checkpoint over a newer one no witness has cosigned yet', () => {
    const chosen = checkpointForBundle(10, [checkpoint(12, 1), checkpoint(20, 0)]);
    expect(chosen?.size).toBe(12);
  });

  it('takes the newest of the checkpoints with the most cosignatures', () => {
    const chosen = checkpointForBundle(10, [
      checkpoint(11, 2),
      checkpoint(15, 2),
      checkpoint(30, 1),
    ]);
    expect(chosen?.size).toBe(15);
  });

  it('never picks a checkpoint whose tree does not hold the leaf', () => {
    expect(checkpointForBundle(12, [checkpoint(12, 3)])).toBeUndefined();
    expect(checkpointForBundle(12, [checkpoint(12, 3), checkpoint(13, 0)])?.size).toBe(13);
  });
});
