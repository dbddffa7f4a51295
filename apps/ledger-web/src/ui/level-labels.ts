/**
 * The supervision scale's five steps in words: the level a case was done at and the entrustment
 * rating a signer gives for next time use the same scale (docs/domain.md, "Entrustment").
 */
export const LEVEL_LABELS: Readonly<Record<number, string>> = {
  1: '1 — observe only',
  2: '2 — direct supervision',
  3: '3 — indirect supervision',
  4: '4 — unsupervised',
  5: '5 — may supervise others',
};
