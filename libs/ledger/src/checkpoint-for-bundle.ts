import type { StoredCheckpoint } from './sqlite-hash-store';

/**
 * The checkpoint a bundle for leaf `index` should carry: one whose tree holds the leaf, with as
 * many witness cosignatures as any such checkpoint has, and of those the newest. A newer
 * checkpoint that no witness has cosigned yet would fail a relying party's quorum, while an
 * older cosigned one proves the same leaf just as well.
 */
export function checkpointForBundle(
  index: number,
  checkpoints: readonly StoredCheckpoint[],
): StoredCheckpoint | undefined {
  let best: StoredCheckpoint | undefined;
  for (const checkpoint of checkpoints) {
    if (checkpoint.size <= index) continue;
    const better =
      best === undefined ||
      checkpoint.cosignatures.length > best.cosignatures.length ||
      (checkpoint.cosignatures.length === best.cosignatures.length && checkpoint.size > best.size);
    if (better) best = checkpoint;
  }
  return best;
}
