import { PATHWAY_DEFINITIONS, PATHWAY_NODE } from './pathway-schema';
import type { JsonSchema } from './schema/schema-node';

/** Where the published schema lives; its `$id`. */
export const PATHWAY_SCHEMA_ID = 'urn:inr-ledger:schema:pathway:v1';

/**
 * The pathway document as JSON Schema (draft 2020-12), generated from its one definition and
 * committed as docs/schemas/pathway.schema.json. It checks structure; the rules that relate
 * parts of a document (docs/pathway-format.md, "Rules beyond the schema") need the validator.
 */
export function pathwayJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: PATHWAY_SCHEMA_ID,
    title: 'inr-ledger pathway document',
    ...PATHWAY_NODE.jsonSchema(),
    $defs: PATHWAY_DEFINITIONS.jsonSchema(),
  };
}
