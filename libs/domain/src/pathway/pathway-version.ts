/** Pathway versions are dotted whole numbers ("1", "2.1", "2020.9.0"), compared part by part. */
export function isPathwayVersion(value: string): boolean {
  return /^\d+(\.\d+)*$/.test(value);
}

/**
 * Negative, zero or positive as `a` is older, the same as or newer than `b`: dotted whole
 * numbers part by part ("1.0" equals "1", "1.10" is after "1.9"); a pre-release suffix
 * ("1.2.0-rc1", allowed in shipped documents) sorts below its release, as in semver. The one
 * version order of the code base: the decider, the catalogue and the pathway resolver use it.
 */
export function comparePathwayVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split(/-(.*)/s);
  const [coreB = '', preB] = b.split(/-(.*)/s);
  const left = coreA.split('.').map(Number);
  const right = coreB.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (preA === undefined || preB === undefined)
    return preA === preB ? 0 : preA === undefined ? 1 : -1;
  return preA < preB ? -1 : preA > preB ? 1 : 0;
}
