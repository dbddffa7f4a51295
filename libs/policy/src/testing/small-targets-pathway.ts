import type { Pathway } from '../pathway/pathway';
import { confirmed, pathwayForTest } from './pathway-for-test';

/** Every requirement kind with targets small enough that generated histories often meet them. */
export const smallTargetsPathway: Pathway = pathwayForTest([
  { id: 'any-case', kind: 'cases', description: 'any case', target: confirmed(3), filter: {} },
  {
    id: 'signed-mt',
    kind: 'cases',
    description: 'signed-off MT as primary operator at level 2+',
    target: confirmed(2),
    filter: {
      procedures: ['mechanical-thrombectomy'],
      operatorRoles: ['primary-supervised', 'primary-independent'],
      minSupervisionLevel: 2,
      signedOff: true,
    },
  },
  {
    id: 'recent-coiling',
    kind: 'cases',
    description: 'coiling in the last 12 months at two sites',
    target: confirmed(1),
    filter: {
      procedures: ['aneurysm-coiling'],
      institutionIds: ['inst-north', 'inst-south'],
      window: { lastMonths: confirmed(12) },
    },
  },
  {
    id: 'dops',
    kind: 'assessments',
    description: 'Rad-DOPS',
    type: 'Rad-DOPS',
    target: confirmed(1),
  },
  {
    id: 'signers',
    kind: 'distinct-signers',
    description: 'two INR signers',
    competencyId: 'mt-technical-skills',
    signerKinds: ['INR'],
    count: confirmed(2),
  },
  { id: 'final', kind: 'dual-signoff', description: 'INR + MD', competencyId: 'mt-final-sign-off' },
  { id: 'time', kind: 'training-time', description: 'any training time', months: confirmed(3) },
  { id: 'rota', kind: 'rota', description: 'rota', minShifts: confirmed(4) },
  {
    id: 'maintenance',
    kind: 'maintenance',
    description: '3 in 12 or 5 in 24',
    filter: { procedures: ['mechanical-thrombectomy'] },
    alternatives: [
      { count: confirmed(3), months: confirmed(12) },
      { count: confirmed(5), months: confirmed(24) },
    ],
  },
]);
