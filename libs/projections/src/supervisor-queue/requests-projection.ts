import { documentProjection } from '../runner/document-projection';
import { requestFold, type RequestRecord } from './request-fold';

export const REQUESTS = 'trainee-requests';

/** Trainees' requests by addressee: the request half of a supervisor's queue. */
export const requestsProjection = documentProjection<RequestRecord>({
  name: REQUESTS,
  version: 1,
  fold: requestFold,
  columns: [
    { name: 'addressee_id', type: 'TEXT', value: (r) => r.addresseeId, indexed: true },
    { name: 'trainee_id', type: 'TEXT', value: (r) => r.traineeId, indexed: true },
    { name: 'status', type: 'TEXT', value: (r) => r.status },
    { name: 'requested_position', type: 'INTEGER', value: (r) => r.requestedPosition },
  ],
});
