// The published JSON Schema (docs/schemas/pathway.schema.json) is generated from the one
// definition in libs/policy; this keeps the committed file equal to it (UPDATE_SCHEMAS=1
// rewrites it), and checks it with an independent validator (Ajv, draft 2020-12): the schema
// itself is valid, and every shipped pathway and test vector gets the answer the vector states.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { catalogue, pathwayJsonSchema } from '@inr/policy';
import { invalidVectors, validVectors } from './pathway-vectors';

const ROOT = resolve(__dirname, '../..');
const SCHEMA_FILE = join(ROOT, 'docs/schemas/pathway.schema.json');

function schemaValidator(): (document: unknown) => boolean {
  // Strict, except that a conditional `then: {required: [...]}` may name a member its parent defines.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

describe('the published pathway JSON Schema', () => {
  const generated = `${JSON.stringify(pathwayJsonSchema(), null, 2)}\n`;
  if (process.env['UPDATE_SCHEMAS'] === '1') writeFileSync(SCHEMA_FILE, generated);

  it('is the committed file (regenerate with UPDATE_SCHEMAS=1)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  const validate = schemaValidator();

  it.each(catalogue.map((p) => [`${p.id}@${p.version}`, p] as const))(
    'accepts the shipped pathway %s',
    (_, pathway) => {
      expect(validate(pathway)).toBe(true);
    },
  );

  it.each(validVectors().map((v) => [v.name, v] as const))('accepts valid vector %s', (_, v) => {
    expect(validate(v.document)).toBe(true);
  });

  it.each(invalidVectors().map((v) => [v.name, v] as const))(
    'answers invalid vector %s as the vector says (structure: schema refuses; rules: only the validator does)',
    (_, v) => {
      expect(validate(v.document)).toBe(v.schema === 'valid');
    },
  );
});
