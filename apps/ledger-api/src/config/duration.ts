const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** "90s", "15m", "6h", "1d", or milliseconds, in milliseconds; at least one second. */
export function parseDuration(raw: string, name: string): number {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(raw.trim());
  const ms = m ? Number(m[1]) * (UNITS[m[2] ?? 'ms'] as number) : NaN;
  if (!Number.isSafeInteger(ms) || ms < 1000) {
    throw new Error(`${name} must be a duration of at least 1s such as 30m, 6h or 1d; got ${raw}`);
  }
  return ms;
}
