import { applicationsProjection } from './applications/applications-projection';
import { caseRegistryProjection } from './case-registry/case-registry-projection';
import { eventIndexProjection } from './event-index/event-index-projection';
import type { Projection } from './runner/projection';
import { requestsProjection } from './supervisor-queue/requests-projection';
import { workforceProjection } from './workforce/workforce-summary';

/**
 * Every stored read model. The supervisor queue is a query over the case registry and the
 * trainees' requests; the trust audit one over the case registry; trainee status, provenance and replay fold indexed events on demand.
 */
export const PROJECTIONS: readonly Projection[] = [
  caseRegistryProjection,
  workforceProjection,
  eventIndexProjection,
  applicationsProjection,
  requestsProjection,
];
