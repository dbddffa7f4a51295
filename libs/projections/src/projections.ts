import { applicationsProjection } from './applications/applications-projection';
import { caseRegistryProjection } from './case-registry/case-registry-projection';
import { eventIndexProjection } from './event-index/event-index-projection';
import type { Projection } from './runner/projection';
import { workforceProjection } from './workforce/workforce-summary';

/**
 * Every stored read model. The supervisor queue and the trust audit are queries over the case
 * registry; trainee status, provenance and replay fold indexed events on demand.
 */
export const PROJECTIONS: readonly Projection[] = [
  caseRegistryProjection,
  workforceProjection,
  eventIndexProjection,
  applicationsProjection,
];
