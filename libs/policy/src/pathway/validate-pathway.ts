import type { Pathway } from './pathway';
import { checkPathwayRules } from './pathway-rules';
import { PATHWAY_SCHEMA } from './pathway-schema';
import type { PathwayValidationError } from './pathway-validation-error';
import { ReadContext } from './schema/schema-node';

export type PathwayValidationResult =
  { ok: true; pathway: Pathway } | { ok: false; errors: PathwayValidationError[] };

/**
 * Checks a pathway document (docs/pathway-format.md): first its structure, every problem at
 * once; then, on a well-formed document, the rules that relate its parts. Returns a fresh,
 * typed copy equal to the document; never throws on bad input.
 */
export function validatePathway(json: unknown): PathwayValidationResult {
  const ctx = new ReadContext();
  const pathway = PATHWAY_SCHEMA.read(json, '', ctx);
  if (pathway !== undefined) checkPathwayRules(pathway, ctx);
  return pathway !== undefined && ctx.errors.length === 0
    ? { ok: true, pathway }
    : { ok: false, errors: ctx.errors };
}
