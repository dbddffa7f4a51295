// What the deciders may know about a pathway, read from its document: owner, competencies,
// eligibility. A document from before competencies were catalogued still names them in its
// requirements; those are its catalogue, so older pathways keep working.
import type { CompetencyDefinition, PathwayFacts, PolicyPublished } from '@inr/domain';
import { findPathway } from '../catalogue/catalogue';
import type { Pathway } from './pathway';
import { validatePathway } from './validate-pathway';

function implicitCompetencies(pathway: Pathway): CompetencyDefinition[] {
  const out: CompetencyDefinition[] = [];
  for (const r of pathway.requirements) {
    if (r.kind !== 'distinct-signers' && r.kind !== 'dual-signoff') continue;
    if (out.some((c) => c.id === r.competencyId)) continue;
    out.push(
      r.kind === 'dual-signoff'
        ? {
            id: r.competencyId,
            title: r.description,
            signerKinds: ['INR', 'medical-director'],
            slots: [{ kind: 'INR' }, { kind: 'medical-director', principalTrainingHospital: true }],
          }
        : { id: r.competencyId, title: r.description, signerKinds: r.signerKinds },
    );
  }
  return out;
}

export function pathwayFacts(pathway: Pathway): PathwayFacts {
  return {
    pathwayId: pathway.id,
    version: pathway.version,
    ...(pathway.issuer !== undefined && { issuer: pathway.issuer }),
    issuingBody: pathway.issuingBody,
    competencies: pathway.competencies ?? implicitCompetencies(pathway),
    ...(pathway.eligibility && { eligibility: pathway.eligibility }),
  };
}

/**
 * The pathway as a decider sees it now: the latest valid version published in the ledger
 * (publications are in version order, the pathway decider sees to that), else the shipped
 * catalogue's; undefined when neither knows the id. `issuer` is the id's owner: the
 * catalogue's issuer for a shipped id, else the issuer of its first publication.
 */
export function resolvePathwayFacts(
  pathwayId: string,
  published: readonly PolicyPublished[],
): PathwayFacts | undefined {
  const valid = published
    .map((p) => validatePathway(p.document))
    .flatMap((r) => (r.ok && r.pathway.id === pathwayId ? [r.pathway] : []));
  const shipped = findPathway(pathwayId);
  const current = valid[valid.length - 1] ?? shipped;
  if (!current) return undefined;
  const { issuer: _issuer, ...facts } = pathwayFacts(current);
  const owner = shipped?.issuer ?? valid.find((p) => p.issuer !== undefined)?.issuer;
  return { ...facts, ...(owner !== undefined && { issuer: owner }) };
}
