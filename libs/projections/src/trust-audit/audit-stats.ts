/** Median of a list, or null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Percentage with one decimal, or null with no denominator. */
export function percent(count: number, of: number): number | null {
  return of === 0 ? null : Math.round((count / of) * 1000) / 10;
}

export function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/**
 * Minutes between two clock times of the same case. The times are local date-times without
 * an offset; both are read as UTC so the difference does not depend on the server's zone.
 */
export function minutesBetween(start: string | undefined, end: string | undefined): number | null {
  if (start === undefined || end === undefined) return null;
  const asUtc = (t: string): number => Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(t) ? t : `${t}Z`);
  const ms = asUtc(end) - asUtc(start);
  return Number.isFinite(ms) ? ms / 60000 : null;
}

export const DAY_MS = 86_400_000;
