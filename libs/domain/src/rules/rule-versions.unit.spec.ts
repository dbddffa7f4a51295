import { casePlausibilityFindings } from '../case/case-plausibility';
import type { ThrombectomyDetails } from '../events';
import { caseLogged } from '../testing/fixtures';
import { trainingTimeFindings } from '../trainee/training-time-rules';
import { DOMAIN_RULES_VERSION, olderRuleVerdict, RULE_INTRODUCED_IN } from './rule-versions';

describe('rules versions: which rule an older record predates', () => {
  it('a record that meets every current rule has no verdict', () => {
    expect(olderRuleVerdict(casePlausibilityFindings(caseLogged().data))).toBeUndefined();
  });

  it('a case logged before the eTICI rule was accepted under version 1', () => {
    const { data } = caseLogged();
    const details = { ...(data.details as ThrombectomyDetails), eticiByPass: ['0' as const] };
    const old = { ...data, details: { ...details, finalEtici: '3' as const } };
    expect(olderRuleVerdict(casePlausibilityFindings(old))).toEqual({
      acceptedUnderRulesVersion: 1,
      breaches: [
        {
          code: 'FINAL_ETICI_INCONSISTENT_WITH_PASSES',
          message: expect.any(String),
          introducedIn: 2,
        },
      ],
    });
  });

  it('24 months recognised for 2 days, without a source, breaks both training-time rules', () => {
    const verdict = olderRuleVerdict(
      trainingTimeFindings({ months: 24, from: '2025-01-01', to: '2025-01-02' }),
    );
    expect(verdict?.breaches.map((b) => b.code)).toEqual([
      'MONTHS_EXCEED_PERIOD',
      'TRAINING_TIME_SOURCE_REQUIRED',
    ]);
  });

  it('no rule is dated after the rules version this code applies', () => {
    for (const version of Object.values(RULE_INTRODUCED_IN))
      expect(version).toBeLessThanOrEqual(DOMAIN_RULES_VERSION);
  });
});
