import { comparePathwayVersions } from '@inr/domain';
import type { Pathway } from '../pathway/pathway';
import { validatePathway } from '../pathway/validate-pathway';
import bsnrClinicalRoutes from './bsnr-2017-clinical-routes.json';
import bsnrIrToInr from './bsnr-2017-ir-to-inr.json';
import bsnrStrokeMedicine from './bsnr-stroke-medicine-route.json';
import illustrativeEsmintCast from './illustrative-esmint-cast.json';
import jointCommissionMaintenance from './joint-commission-2019-maintenance.json';
import localTrustExample from './local-trust-example.json';
import rcr2020ConsultantIr from './rcr-2020-consultant-ir.json';
import rcrGmcMtCredential from './rcr-gmc-mt-credential.json';

const DOCUMENTS: readonly unknown[] = [
  rcrGmcMtCredential,
  bsnrIrToInr,
  bsnrClinicalRoutes,
  bsnrStrokeMedicine,
  rcr2020ConsultantIr,
  localTrustExample,
  illustrativeEsmintCast,
  jointCommissionMaintenance,
];

function load(document: unknown): Pathway {
  const result = validatePathway(document);
  // A shipped document that fails validation is a defect in this package, not bad user input.
  if (!result.ok) throw new Error(`invalid catalogue pathway: ${JSON.stringify(result.errors)}`);
  return result.pathway;
}

/** The pathways shipped as data, each validated, in a fixed order. */
export const catalogue: readonly Pathway[] = Object.freeze(DOCUMENTS.map(load));

/** A catalogue pathway by id; without a version, the highest version. */
export function findPathway(id: string, version?: string): Pathway | undefined {
  const matches = catalogue.filter(
    (p) => p.id === id && (version === undefined || p.version === version),
  );
  return [...matches].sort((a, b) => comparePathwayVersions(b.version, a.version))[0];
}
