// Reads the pathway test vectors of docs/pathway-format.md (tests/vectors/pathway/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, 'pathway');

export interface ValidVector {
  name: string;
  description: string;
  document: unknown;
  contentHash: string;
}

export interface InvalidVector {
  name: string;
  description: string;
  document: unknown;
  errors: { path: string; code: string }[];
  /** What the published JSON Schema alone says: rules beyond it leave such documents 'valid'. */
  schema: 'valid' | 'invalid';
}

export interface EvaluationVector {
  name: string;
  description: string;
  pathway: unknown;
  traineeId: string;
  evaluatedOn: string;
  performedBy?: string;
  events: { position: number; id: string; type: string; data: unknown }[];
  expected: unknown;
}

function load<T>(kind: string): T[] {
  return readdirSync(join(DIR, kind))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ''),
      ...(JSON.parse(readFileSync(join(DIR, kind, file), 'utf8')) as object),
    })) as T[];
}

export const validVectors = (): ValidVector[] => load('valid');
export const invalidVectors = (): InvalidVector[] => load('invalid');
export const evaluationVectors = (): EvaluationVector[] => load('evaluation');
