// The API app's light entry point ('@inr/ledger-api/config'): an instance's settings, its log
// origin and development tokens, without loading NestJS, for CLI commands that never serve.
export { loadConfig, terminalSettings } from './ledger-config';
export type { ConfigOptions, LedgerConfig, LogLevel } from './ledger-config';
export { parseDuration } from './duration';
export { identityRefusal } from './identity-config';
export { issueDevelopmentToken } from '../auth/issue-development-token';
export type { DevelopmentTokenRequest } from '../auth/issue-development-token';
export { loadOrCreateIssuerKey, rotateIssuerKey } from '../credentials/portable/issuer-key';
