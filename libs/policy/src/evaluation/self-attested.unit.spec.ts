import type { CaseLogged } from '@inr/domain';
import { appendEvent, buildHistory, SUBJECT_TRAINEE } from '../testing/history-steps';
import { findPathway } from '../catalogue/catalogue';
import { confirmed, pathwayForTest } from '../testing/pathway-for-test';
import type { CaseFilter } from '../pathway/pathway';
import { evaluate } from './evaluate';

// Self-attested cases (an independent operator's, no supervisor) count only where a pathway's
// filter says so: maintenance of competence (docs/domain.md, "Independent operators").
const independentCase = (caseId: string, performedOn: string): CaseLogged => ({
  caseId,
  traineeId: SUBJECT_TRAINEE,
  institutionId: 'inst-a',
  procedure: 'mechanical-thrombectomy',
  performedOn,
  operatorRole: 'primary-independent',
  supervisionLevel: 4,
  selfAttested: true,
  localRef: `LR-${caseId}`,
  details: {
    procedure: 'mechanical-thrombectomy',
    occlusionSite: 'M1',
    tandemLesion: false,
    technique: 'combined',
    balloonGuideCatheter: true,
    rescueStenting: false,
    eticiByPass: ['3'],
    finalEtici: '3',
    times: {},
    complications: [],
  },
});

const history = ['2026-03-01', '2026-06-01'].reduce(
  (h, day, i) => appendEvent(h, 'CaseLogged', independentCase(`ind-${i}`, day)),
  buildHistory([]),
);

const achieved = (filter: CaseFilter, kind: 'cases' | 'maintenance' = 'cases'): number => {
  const requirement =
    kind === 'cases'
      ? { id: 'r', kind, description: 'd', target: confirmed(2), filter }
      : {
          id: 'r',
          kind,
          description: 'd',
          filter,
          alternatives: [{ count: confirmed(2), months: confirmed(12) }],
        };
  const evaluation = evaluate(pathwayForTest([requirement]), SUBJECT_TRAINEE, history, {
    evaluatedOn: '2026-12-31',
  });
  return evaluation.requirements[0]!.achieved;
};

describe('self-attested cases in evaluation', () => {
  it('never count for a training requirement that does not accept them, signed-off or not', () => {
    expect(achieved({ procedures: ['mechanical-thrombectomy'] })).toBe(0);
    expect(achieved({ procedures: ['mechanical-thrombectomy'], signedOff: true })).toBe(0);
  });

  it('count where the filter accepts them, standing in for a sign-off', () => {
    expect(achieved({ includeSelfAttested: true, signedOff: true })).toBe(2);
    expect(achieved({ includeSelfAttested: true, signedOff: false })).toBe(0);
  });

  it('count for maintenance of competence when the pathway says unsupervised practice counts', () => {
    expect(achieved({ signedOff: true }, 'maintenance')).toBe(0);
    expect(achieved({ signedOff: true, includeSelfAttested: true }, 'maintenance')).toBe(2);
  });

  it('the shipped documents as shipped: maintenance counts them, the credential does not', () => {
    const achievedUnder = (id: string) =>
      evaluate(findPathway(id)!, SUBJECT_TRAINEE, history, { evaluatedOn: '2026-12-31' })
        .requirements.filter((r) => r.kind === 'cases' || r.kind === 'maintenance')
        .map((r) => r.achieved);
    expect(achievedUnder('joint-commission-2019-maintenance')).toEqual([2]);
    expect(new Set(achievedUnder('rcr-gmc-mt-credential'))).toEqual(new Set([0]));
  });
});
