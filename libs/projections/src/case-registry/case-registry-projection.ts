import { documentProjection } from '../runner/document-projection';
import { caseFold, type CaseRecord } from './case-fold';

export const CASE_REGISTRY = 'case-registry';

export const caseRegistryProjection = documentProjection<CaseRecord>({
  name: CASE_REGISTRY,
  // 2: records carry their procedure reference and follow-up outcomes.
  // 3: entrustment ratings and signers' supervision-level corrections.
  version: 3,
  fold: caseFold,
  columns: [
    { name: 'trainee_id', type: 'TEXT', value: (c) => c.traineeId, indexed: true },
    { name: 'institution_id', type: 'TEXT', value: (c) => c.institutionId, indexed: true },
    { name: 'supervisor_id', type: 'TEXT', value: (c) => c.supervisorId ?? null, indexed: true },
    { name: 'procedure', type: 'TEXT', value: (c) => c.procedure },
    { name: 'operator_role', type: 'TEXT', value: (c) => c.operatorRole },
    { name: 'supervision_level', type: 'INTEGER', value: (c) => c.supervisionLevel },
    { name: 'sign_off', type: 'TEXT', value: (c) => c.signOff },
    { name: 'performed_on', type: 'TEXT', value: (c) => c.performedOn },
    { name: 'retracted', type: 'INTEGER', value: (c) => (c.retracted ? 1 : 0) },
    { name: 'awaiting_since', type: 'TEXT', value: (c) => c.awaitingSince ?? null },
    { name: 'logged_position', type: 'INTEGER', value: (c) => c.loggedPosition },
  ],
});
