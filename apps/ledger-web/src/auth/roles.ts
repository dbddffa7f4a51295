import type { Role } from '../vocabulary';

/** What each role is called on screen, and the page it starts on. */
export const ROLE_LABEL: Record<Role, string> = {
  trainee: 'Trainee',
  supervisor: 'Supervisor',
  'medical-director': 'Medical director',
  panel: 'Training panel',
  'trust-auditor': 'Trust audit lead',
  accreditor: 'Accreditation body',
  regulator: 'Regulator',
  admin: 'Administrator',
  'data-protection': 'Data-protection officer',
};

export const HOME: Record<Role, string> = {
  trainee: '/trainee',
  supervisor: '/supervisor',
  'medical-director': '/supervisor',
  panel: '/panel',
  'trust-auditor': '/audit',
  accreditor: '/accreditation',
  regulator: '/accreditation',
  admin: '/audit',
  // Subject access and erasure (docs/privacy.md).
  'data-protection': '/privacy',
};

/** A default id for the roles the ledger's records do not list (panel members, auditors, …). */
export const DEFAULT_SUBJECT: Partial<Record<Role, string>> = {
  'medical-director': 'md-demo',
  panel: 'pnl-demo',
  'trust-auditor': 'aud-demo',
  accreditor: 'acc-demo',
  regulator: 'reg-demo',
  admin: 'adm-demo',
  'data-protection': 'dpo-demo',
};
