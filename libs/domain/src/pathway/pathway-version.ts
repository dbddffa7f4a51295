/** Pathway versions are dotted whole numbers ("1", "2.1", "2020.9.0"), compared part by part. */
export function isPathwayVersion(value: string): boolean {
  return /^\d+(\.\d+)*$/.test(value);
}

/** Negative, zero or positive as `a` is older, the same as or newer than `b` ("1.0" equals "1"). */
export function comparePathwayVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
