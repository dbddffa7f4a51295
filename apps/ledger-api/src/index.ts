// The API app's public entry point ('@inr/ledger-api'): what the CLI and the cross-package
// tests use. Loading it loads NestJS; commands that only need settings use '@inr/ledger-api/config'.
export * from './config';
export { createApp } from './create-app';
export type { CreateAppOptions } from './create-app';
export { LedgerRuntime } from './ledger-http/ledger-runtime';
export { EVENT_STORE } from './platform/store/tokens';
export { LedgerMetrics } from './platform/metrics/ledger-metrics';
export { writeOpenApi } from './openapi/write-openapi';
export { writeSecurityDoc } from './auth/write-security-doc';
export { routeTable } from './auth/route-table';
export type { RouteEntry } from './auth/route-table';
export { CredentialIssuer } from './credentials/portable/credential-issuer';
export type { IssuerSources } from './credentials/portable/credential-issuer';
export { serveHttpWorkers } from './http-workers/serve-http-workers';
export type { HttpWorkersServer } from './http-workers/serve-http-workers';
