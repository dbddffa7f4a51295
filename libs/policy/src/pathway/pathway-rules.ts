// The rules a pathway document must meet beyond its structure (pathway-schema.ts): they relate
// one part of the document to another, which JSON Schema cannot say. docs/pathway-format.md
// lists them; each has an invalid test vector.
import type { ParameterUse, ReadContext } from './schema/schema-node';
import type { PathwayDocument } from './pathway-schema';

type Competency = NonNullable<PathwayDocument['competencies']>[number];

function parameterReferences(
  doc: PathwayDocument,
  uses: readonly ParameterUse[],
  ctx: ReadContext,
): void {
  for (const { path, name, integer } of uses) {
    const parameter = Object.hasOwn(doc.parameters, name) ? doc.parameters[name] : undefined;
    if (parameter === undefined) ctx.add(path, 'UNKNOWN_PARAMETER', `no parameter named "${name}"`);
    else if (integer && !Number.isInteger(parameter.value))
      ctx.add(
        path,
        'NON_INTEGER',
        `parameter "${name}" is used as a count and must be a whole number`,
      );
  }
}

function uniqueIds(
  items: readonly { id: string }[],
  path: string,
  code: 'DUPLICATE_REQUIREMENT_ID' | 'DUPLICATE_COMPETENCY_ID',
  ctx: ReadContext,
): void {
  const seen = new Set<string>();
  items.forEach(({ id }, i) => {
    if (seen.has(id)) ctx.add(`${path}/${i}/id`, code, `"${id}" is used twice`);
    seen.add(id);
  });
}

/** The 2020 rule: one INR plus the medical director of the principal training hospital. */
function isDualSignOff(definition: Competency): boolean {
  const slots = definition.slots ?? [];
  return (
    slots.length === 2 &&
    slots.some((s) => s.kind === 'INR' && !s.principalTrainingHospital) &&
    slots.some((s) => s.kind === 'medical-director' && s.principalTrainingHospital === true)
  );
}

/**
 * With a catalogue, every competency a requirement names must be in it (a misspelt id would
 * otherwise start a competency nobody can sign), and a dual sign-off must have its two places.
 */
function competencyReferences(doc: PathwayDocument, ctx: ReadContext): void {
  const { competencies } = doc;
  if (!competencies) return;
  doc.requirements.forEach((r, index) => {
    if (r.kind !== 'distinct-signers' && r.kind !== 'dual-signoff') return;
    const path = `/requirements/${index}/competencyId`;
    const definition = competencies.find((d) => d.id === r.competencyId);
    if (!definition) {
      ctx.add(path, 'UNKNOWN_COMPETENCY', `"${r.competencyId}" is not in "competencies"`);
    } else if (r.kind === 'dual-signoff' && !isDualSignOff(definition)) {
      ctx.add(
        path,
        'DUAL_SIGNOFF_WITHOUT_SLOTS',
        `"${r.competencyId}" must have exactly two places: an INR and the medical director of the principal training hospital`,
      );
    }
  });
}

/** Checks a structurally valid document against every rule, adding what fails to ctx. */
export function checkPathwayRules(doc: PathwayDocument, ctx: ReadContext): void {
  parameterReferences(doc, ctx.parameterUses, ctx);
  uniqueIds(doc.requirements, '/requirements', 'DUPLICATE_REQUIREMENT_ID', ctx);
  uniqueIds(doc.competencies ?? [], '/competencies', 'DUPLICATE_COMPETENCY_ID', ctx);
  competencyReferences(doc, ctx);
}
