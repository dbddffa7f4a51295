// Versions of the rules the deciders apply to evidence. A record the ledger accepted stays in
// it for ever; when a later rule would refuse it, it keeps counting as it did and readers are
// told which rule it predates (docs/domain.md, "Evidence accepted under an older rule").
import type { DomainError, DomainErrorCode } from '../shared/domain-error';

/**
 * The rules version this code applies. Version 1: the rules before case plausibility,
 * catalogued competencies and bounded training time; version 2 added them. Bump it together
 * with RULE_INTRODUCED_IN whenever a new rule can refuse what an earlier version accepted.
 */
export const DOMAIN_RULES_VERSION = 2;

/** The rules version that introduced each rule an older record can break. */
export const RULE_INTRODUCED_IN: Readonly<Partial<Record<DomainErrorCode, number>>> = {
  OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION: 2,
  DUPLICATE_COMPLICATION: 2,
  FINAL_ETICI_INCONSISTENT_WITH_PASSES: 2,
  CASE_TIMES_OUT_OF_ORDER: 2,
  CASE_TIME_IMPLAUSIBLE: 2,
  CASE_TIMES_INCONSISTENT: 2,
  OCCLUSION_SCALE_INCONSISTENT_WITH_TECHNIQUE: 2,
  INVALID_DATE: 2,
  MONTHS_EXCEED_PERIOD: 2,
  TRAINING_TIME_SOURCE_REQUIRED: 2,
};

/** One current rule an older record breaks, with the rules version that introduced it. */
export interface RuleBreach {
  code: DomainErrorCode;
  message: string;
  introducedIn: number;
}

export interface OlderRuleVerdict {
  /** The newest rules version the record satisfies: the one it was accepted under at the latest. */
  acceptedUnderRulesVersion: number;
  breaches: RuleBreach[];
}

/**
 * What the findings of the current rules say about a record the ledger holds: undefined when it
 * satisfies them all. A rule without a recorded version counts as introduced by the current one.
 */
export function olderRuleVerdict(findings: readonly DomainError[]): OlderRuleVerdict | undefined {
  if (findings.length === 0) return undefined;
  const breaches = findings.map((f) => ({
    code: f.code,
    message: f.message,
    introducedIn: RULE_INTRODUCED_IN[f.code] ?? DOMAIN_RULES_VERSION,
  }));
  return {
    acceptedUnderRulesVersion: Math.min(...breaches.map((b) => b.introducedIn)) - 1,
    breaches,
  };
}
