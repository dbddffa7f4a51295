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
import bsnrClinicalRoutes100 from './earlier/bsnr-2017-clinical-routes@1.0.0.json';
import bsnrIrToInr100 from './earlier/bsnr-2017-ir-to-inr@1.0.0.json';
import illustrativeEsmintCast100 from './earlier/illustrative-esmint-cast@1.0.0.json';
import jointCommissionMaintenance100 from './earlier/joint-commission-2019-maintenance@1.0.0.json';
import localTrustExample100 from './earlier/local-trust-example@1.0.0.json';
import rcr2020ConsultantIr100 from './earlier/rcr-2020-consultant-ir@1.0.0.json';
import rcrGmcMtCredential100 from './earlier/rcr-gmc-mt-credential@1.0.0.json';

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

/**
 * Versions shipped before the current ones, kept byte for byte (docs/domain.md, "Versions of
 * the shipped pathways"): a decision recorded under one of them replays against it.
 */
const EARLIER_DOCUMENTS: readonly unknown[] = [
  rcrGmcMtCredential100,
  bsnrIrToInr100,
  bsnrClinicalRoutes100,
  rcr2020ConsultantIr100,
  localTrustExample100,
  illustrativeEsmintCast100,
  jointCommissionMaintenance100,
];

function load(document: unknown): Pathway {
  const result = validatePathway(document);
  // A shipped document that fails validation is a defect in this package, not bad user input.
  if (!result.ok) throw new Error(`invalid catalogue pathway: ${JSON.stringify(result.errors)}`);
  return result.pathway;
}

/** The pathways shipped as data, each validated, in a fixed order: the current version of each. */
export const catalogue: readonly Pathway[] = Object.freeze(DOCUMENTS.map(load));

/** Every version ever shipped: the current ones, then the earlier ones still replayable. */
export const shippedVersions: readonly Pathway[] = Object.freeze([
  ...catalogue,
  ...EARLIER_DOCUMENTS.map(load),
]);

/** A shipped pathway by id; without a version, the highest version. */
export function findPathway(id: string, version?: string): Pathway | undefined {
  const matches = shippedVersions.filter(
    (p) => p.id === id && (version === undefined || p.version === version),
  );
  return [...matches].sort((a, b) => comparePathwayVersions(b.version, a.version))[0];
}
