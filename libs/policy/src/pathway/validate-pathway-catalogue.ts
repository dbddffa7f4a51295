// The parts of a pathway document that the deciders read as facts: the issuer that owns the
// id, the competency catalogue (who signs, which places a sign-off has), eligibility, and the
// document's own account of what its source says that it cannot express.
import {
  SPECIALTIES,
  SUPERVISOR_KINDS,
  type CompetencyDefinition,
  type PathwayEligibility,
  type SignatureSlot,
} from '@inr/domain';
import type { Requirement } from './pathway';
import type { Checker, Obj } from './pathway-checker';

export interface CatalogueParts {
  issuer?: string;
  competencies?: CompetencyDefinition[];
  eligibility?: PathwayEligibility;
  limitations?: string[];
}

function slot(c: Checker, value: unknown, path: string): SignatureSlot | undefined {
  const obj = c.object(value, path, ['kind', 'principalTrainingHospital']);
  if (!obj) return undefined;
  const kind = c.enumField(obj, 'kind', path, SUPERVISOR_KINDS, true);
  const principal = c.boolean(obj, 'principalTrainingHospital', path, false);
  if (kind === undefined) return undefined;
  if (principal && kind !== 'medical-director') {
    return c.add(
      `${path}/principalTrainingHospital`,
      'INVALID_SIGNATURE_SLOTS',
      'only a medical-director place can require the principal training hospital',
    );
  }
  return { kind, ...(principal && { principalTrainingHospital: true }) };
}

function competency(c: Checker, value: unknown, path: string): CompetencyDefinition | undefined {
  const obj = c.object(value, path, ['id', 'title', 'signerKinds', 'slots']);
  if (!obj) return undefined;
  const before = c.errors.length;
  const id = c.slug(obj, 'id', path);
  const title = c.string(obj, 'title', path, true);
  const signerKinds = c.enumList(obj, 'signerKinds', path, SUPERVISOR_KINDS, true);
  const slots =
    obj['slots'] === undefined
      ? undefined
      : c.list(obj, 'slots', path, true, (v, p) => slot(c, v, p));
  slots?.forEach((s, i) => {
    if (signerKinds && !signerKinds.includes(s.kind)) {
      c.add(
        `${path}/slots/${i}/kind`,
        'INVALID_SIGNATURE_SLOTS',
        `a place for ${s.kind} needs ${s.kind} among "signerKinds"`,
      );
    }
  });
  if (c.errors.length > before || id === undefined || title === undefined || !signerKinds)
    return undefined;
  return { id, title, signerKinds, ...(slots && { slots }) };
}

/** The dual sign-off requirement is the 2020 rule: one INR plus the principal medical director. */
function isDualSignOff(definition: CompetencyDefinition): boolean {
  const slots = definition.slots ?? [];
  return (
    slots.length === 2 &&
    slots.some((s) => s.kind === 'INR' && !s.principalTrainingHospital) &&
    slots.some((s) => s.kind === 'medical-director' && s.principalTrainingHospital === true)
  );
}

export function catalogueParts(c: Checker, obj: Obj): CatalogueParts {
  const parts: CatalogueParts = {};
  const issuer = obj['issuer'] === undefined ? undefined : c.slug(obj, 'issuer', '');
  if (issuer !== undefined) parts.issuer = issuer;

  const competencies = c.list(obj, 'competencies', '', false, (v, p) => competency(c, v, p));
  if (competencies) {
    const seen = new Set<string>();
    competencies.forEach((d, i) => {
      if (seen.has(d.id))
        c.add(`/competencies/${i}/id`, 'DUPLICATE_COMPETENCY_ID', `"${d.id}" is used twice`);
      seen.add(d.id);
    });
    parts.competencies = competencies;
  }

  if (obj['eligibility'] !== undefined) {
    const e = c.object(obj['eligibility'], '/eligibility', ['specialties', 'stages']);
    if (e) {
      const specialties = c.enumList(e, 'specialties', '/eligibility', SPECIALTIES, false);
      const stages = c.stringList(e, 'stages', '/eligibility', false);
      parts.eligibility = { ...(specialties && { specialties }), ...(stages && { stages }) };
    }
  }

  const limitations = c.stringList(obj, 'limitations', '', false);
  if (limitations) parts.limitations = limitations;
  return parts;
}

/**
 * With a catalogue, every competency a requirement names must be in it (a misspelt id would
 * otherwise start a competency nobody can sign), and a dual sign-off must have its two places.
 */
export function checkCompetencyReferences(
  c: Checker,
  competencies: readonly CompetencyDefinition[] | undefined,
  requirements: readonly Requirement[],
): void {
  if (!competencies) return;
  requirements.forEach((r, index) => {
    if (r.kind !== 'distinct-signers' && r.kind !== 'dual-signoff') return;
    const path = `/requirements/${index}/competencyId`;
    const definition = competencies.find((d) => d.id === r.competencyId);
    if (!definition) {
      c.add(path, 'UNKNOWN_COMPETENCY', `"${r.competencyId}" is not in "competencies"`);
    } else if (r.kind === 'dual-signoff' && !isDualSignOff(definition)) {
      c.add(
        path,
        'DUAL_SIGNOFF_WITHOUT_SLOTS',
        `"${r.competencyId}" must have exactly two places: an INR and the medical director of the principal training hospital`,
      );
    }
  });
}
