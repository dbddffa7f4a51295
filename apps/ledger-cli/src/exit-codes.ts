/** Exit codes of the inr-ledger command (documented in the README and in --help). */
export const EXIT = {
  ok: 0,
  /** A check failed: audit found a difference, verify rejected a bundle. */
  checkFailed: 1,
  /** The command was used wrongly (unknown option, missing file). */
  usage: 2,
  /** Something outside the command failed (store unreadable, port in use). */
  environment: 3,
} as const;
