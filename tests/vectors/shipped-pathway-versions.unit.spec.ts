// The versioning rule for shipped pathways (docs/domain.md, "Versions of the shipped
// pathways"): a shipped version never changes, so a decision recorded under it replays to the
// same bytes. libs/policy/src/catalogue/shipped-hashes.json records each version's content hash
// when it shipped: a change to a document needs a new version and a new line, never an edit.
import { comparePathwayVersions } from '@inr/domain';
import { pathwayContentHash } from '@inr/ledger';
import { catalogue, shippedVersions } from '@inr/policy';
import shippedHashes from '../../libs/policy/src/catalogue/shipped-hashes.json';

const recorded = shippedHashes as Record<string, string>;
const key = (p: { id: string; version: string }) => `${p.id}@${p.version}`;

describe('versions of the shipped pathways', () => {
  it.each(shippedVersions.map((p) => [key(p), p] as const))(
    '%s has the content hash it shipped with',
    (name, pathway) => {
      expect({ name, hash: pathwayContentHash(pathway) }).toEqual({ name, hash: recorded[name] });
    },
  );

  it('no version that ever shipped is dropped, and none ships twice', () => {
    const shipped = shippedVersions.map(key);
    expect(new Set(shipped).size).toBe(shipped.length);
    expect(Object.keys(recorded).filter((name) => !shipped.includes(name))).toEqual([]);
  });

  it('the current version of each pathway is its highest', () => {
    for (const current of catalogue) {
      const older = shippedVersions.filter(
        (p) => p.id === current.id && p.version !== current.version,
      );
      for (const p of older)
        expect(comparePathwayVersions(p.version, current.version)).toBeLessThan(0);
    }
  });
});
