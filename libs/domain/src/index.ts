export * from './events';
export * from './vocabulary/vocabulary';

export * from './shared/command-roles';
export * from './shared/context';
export * from './shared/dates';
export * from './shared/decider';
export * from './shared/domain-error';

export * from './privacy/find-patient-identifiers';
export * from './privacy/nhs-number';
export * from './privacy/personal-fields';

export * from './schema/schema-versions';
export * from './schema/upcast';
export * from './schema/upcasters';

export * from './trainee/trainee-commands';
export * from './trainee/trainee-state';
export * from './trainee/trainee-decider';
export { trainingTimeFindings } from './trainee/training-time-rules';

export * from './rules/rule-versions';

export * from './portfolio/portfolio-commands';
export * from './portfolio/portfolio-decider';

export * from './case/case-commands';
export * from './case/case-state';
export * from './case/case-decider';
export {
  casePlausibilityFindings,
  checkCasePlausibility,
  type PlausibilityInput,
} from './case/case-plausibility';
export * from './case/case-outcome';
export * from './case/procedure-ref';

export * from './supervisor/supervisor-commands';
export * from './supervisor/supervisor-state';
export * from './supervisor/supervisor-decider';

export * from './pathway/pathway-commands';
export * from './pathway/pathway-facts';
export * from './pathway/pathway-state';
export * from './pathway/pathway-version';
export * from './pathway/pathway-decider';

export * from './credential/credential-commands';
export * from './credential/application-state';
export * from './credential/credential-decider';
export * from './credential/held-credential';
export * from './panel/panel-rule';
export { checkPanelMember } from './panel/panel-membership';

export * from './recognition/recognition-commands';
export * from './recognition/recognition-decider';

export * from './erasure/erasure-commands';
export * from './erasure/erasure-decider';

export * from './registry/command';
export * from './registry/deciders';
export * from './registry/decide-command';
