/** Environment that turns both rate limits off: for suites and benches that load one address. */
export const NO_RATE_LIMITS: Readonly<Record<string, string>> = {
  LEDGER_RATE_LIMIT_PER_TOKEN: '0',
  LEDGER_RATE_LIMIT_PER_ADDRESS: '0',
};
