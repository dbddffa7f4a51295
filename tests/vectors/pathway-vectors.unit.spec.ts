// The pathway test vectors (docs/pathway-format.md, "Test vectors") run against this
// implementation: the validator, the content hash and the evaluator. A third party runs the
// same files against theirs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathwayContentHash } from '@inr/ledger';
import {
  evaluate,
  PATHWAY_ERROR_CODES,
  REQUIREMENT_KINDS,
  validatePathway,
  type Pathway,
} from '@inr/policy';
import { evaluationVectors, invalidVectors, validVectors } from './pathway-vectors';

const byPathThenCode = (a: { path: string; code: string }, b: { path: string; code: string }) =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

function valid(document: unknown): Pathway {
  const result = validatePathway(document);
  if (!result.ok) throw new Error(`expected a valid pathway: ${JSON.stringify(result.errors)}`);
  return result.pathway;
}

describe('pathway test vectors', () => {
  describe.each(validVectors().map((v) => [v.name, v] as const))('valid %s', (_, v) => {
    it('validates, and the typed copy is the document itself', () => {
      expect(valid(v.document)).toEqual(v.document);
    });
    it('has the stated content hash', () => {
      expect(pathwayContentHash(v.document)).toBe(v.contentHash);
    });
  });

  it.each(invalidVectors().map((v) => [v.name, v] as const))(
    'invalid %s is refused with exactly the stated errors (in any order)',
    (_, v) => {
      const result = validatePathway(v.document);
      const errors = result.ok ? [] : result.errors.map(({ path, code }) => ({ path, code }));
      expect(errors.sort(byPathThenCode)).toEqual([...v.errors].sort(byPathThenCode));
    },
  );

  it('docs/pathway-format.md names every error code', () => {
    const format = readFileSync(join(__dirname, '../../docs/pathway-format.md'), 'utf8');
    expect(PATHWAY_ERROR_CODES.filter((code) => !format.includes(`\`${code}\``))).toEqual([]);
  });

  it('has an invalid vector for every error code', () => {
    const covered = new Set(invalidVectors().flatMap((v) => v.errors.map((e) => e.code)));
    expect(PATHWAY_ERROR_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it.each(evaluationVectors().map((v) => [v.name, v] as const))(
    'evaluation %s gives the expected evaluation',
    (_, v) => {
      const history = v.events.map((e) => ({ ...e, recordedAt: '' }));
      const evaluation = evaluate(valid(v.pathway), v.traineeId, history, {
        evaluatedOn: v.evaluatedOn,
        ...(v.performedBy !== undefined && { performedBy: v.performedBy }),
      });
      expect(evaluation).toEqual(v.expected);
    },
  );

  it('has an evaluation vector for every requirement kind', () => {
    const kinds = new Set(
      evaluationVectors().flatMap((v) => valid(v.pathway).requirements.map((r) => r.kind)),
    );
    expect(REQUIREMENT_KINDS.filter((kind) => !kinds.has(kind))).toEqual([]);
  });
});
