import type { Pathway } from '../pathway/pathway';
import { validatePathway } from '../pathway/validate-pathway';

/** A validated pathway around the given requirements; throws with the errors if invalid. */
export function pathwayForTest(
  requirements: unknown[],
  parameters: Record<string, unknown> = {},
): Pathway {
  const result = validatePathway({
    id: 'test-pathway',
    version: '1.0.0',
    title: 'Test pathway',
    issuingBody: 'Tests',
    source: { citation: 'unit tests', readOn: '2026-11-28' },
    status: 'illustrative',
    parameters,
    requirements,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.pathway;
}

export const confirmed = (value: number): { value: number; confirmed: true; source: string } => ({
  value,
  confirmed: true,
  source: 'test',
});
