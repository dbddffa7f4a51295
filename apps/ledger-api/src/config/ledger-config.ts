import { resolve } from 'node:path';
import type { EventStoreConfig } from '@inr/event-store';
import { didWebOrigin } from '@inr/credentials';
import { defaultOrigin } from '@inr/ledger';
import type { BackupConfig } from '../backup/backup-config';
import { backupConfigFrom } from './backup-settings';
import { authConfigFrom, type AuthConfig } from './identity-config';
import { Environment, type SettingName } from './settings';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export interface LedgerConfig {
  port: number;
  host: string;
  /** HTTP worker processes in front of the one writer; 1: a single process (docs/architecture.md). */
  httpWorkers: number;
  dataDir: string;
  store: EventStoreConfig;
  /** The institution this instance runs for (origin of its checkpoints, default read scope). */
  institution: string;
  /** The log's origin line and signing key name (LEDGER_ORIGIN, else `<institution>/inr-ledger`). */
  origin: string;
  /** LEDGER_SIGNING_KEY (C2SP PRIVATE+KEY form); absent: `<dataDir>/log-key`. */
  signingKey?: string;
  /** At most this long after new events a checkpoint is signed. */
  checkpointIntervalMs: number;
  /** LEDGER_WITNESS_CONFIG (whom we witness, who witnesses us) and our witness key. */
  witness: { configFile?: string; signingKey?: string };
  /** Settings only the command line uses. */
  cli: { token?: string; backupPassphrase?: string };
  auth: AuthConfig;
  /** NODE_ENV=production: serving needs an identity provider (see identityRefusal). */
  production: boolean;
  /** `serve --dev-keys`: the development key is accepted in production too (warned at start). */
  devKeys: boolean;
  logLevel: LogLevel;
  /** Request body limit in bytes; larger bodies get 413. */
  bodyLimit: number;
  /**
   * /ready answers 503 once an event has waited `maxLagSeconds` for a signed checkpoint, and for
   * `storageFailureSeconds` after a storage failure (a request answered 503 STORAGE_UNAVAILABLE).
   */
  readiness: { maxLagSeconds: number; storageFailureSeconds: number };
  /**
   * Requests per `windowSeconds` per bearer token and per client address; past either the
   * answer is 429 RATE_LIMITED with Retry-After. 0 turns that limit off.
   */
  rateLimit: { windowSeconds: number; perToken: number; perAddress: number };
  /**
   * Proxies in front of the service whose X-Forwarded-For is believed (0: the socket's address
   * is the client's). Behind a load balancer, set it, or every client shares one address limit.
   */
  trustProxyHops: number;
  /** Live feed limits: concurrent feeds (503 past it), unsent bytes per client (disconnected past it). */
  liveFeed: { maxClients: number; maxBufferedBytes: number };
  /** Years personal data is kept after a person's last event, per kind; 0: kept (docs/privacy.md §6). */
  retention: { traineeYears: number; supervisorYears: number };
  /** Scheduled online backups of the embedded store while serving; absent: none. */
  backup?: BackupConfig;
  /** The built web app (index.html and assets/) served at `/`; absent: the build's own dist/web. */
  webDir?: string;
  /** OpenID Connect sign-in for the web app (authorisation code flow with PKCE); absent: none. */
  oidc?: OidcConfig;
  /**
   * Recognising other ledgers' evidence: the C2SP tlog-policy file of the partner logs and
   * witnesses this ledger trusts (LEDGER_RECOGNITION_POLICY; absent: recognition refused), and
   * the largest trainee bundle a recognition request may carry, in bytes.
   */
  recognition: { policyFile?: string; bodyLimit: number };
  /** Portable credentials' issuer: a did:web, its profile name, and its key if configured. */
  issuer: IssuerConfig;
}

export interface IssuerConfig {
  id: string;
  name: string;
  /** LEDGER_ISSUER_KEY (base64url Ed25519 seed); absent: `<dataDir>/issuer-key`. */
  key?: string;
}

/** The identity provider the web app signs users in with; its tokens must pass `auth`. */
export interface OidcConfig {
  /** Issuer URL; the app reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** The web app's public client id at the provider (no secret: PKCE protects the code). */
  clientId: string;
  scope: string;
}

export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** A positive integer from the environment, or the default when unset. */
function positiveInt(env: Environment, name: SettingName, fallback: number): number {
  const raw = env.get(name);
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

/** A non-negative integer from the environment (0 meaning off), or the default when unset. */
function countOrOff(env: Environment, name: SettingName, fallback: number): number {
  const raw = env.get(name);
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer (0: off), got ${raw}`);
  return value;
}

/** 1 (one process) unless set; a worker per core is the useful most (64 refuses a typo). */
function httpWorkers(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1 || value > 64)
    throw new Error(`LEDGER_HTTP_WORKERS must be an integer from 1 to 64, got ${raw}`);
  return value;
}

/** What the command line sets beside the environment; it wins over the environment. */
export interface ConfigOptions {
  /** `serve --dev-keys`: accept the development key although NODE_ENV=production. */
  devKeys?: boolean;
  /** `--data-dir`. */
  dataDir?: string;
  /** `--port`. */
  port?: string;
  /** `serve --http-workers`. */
  httpWorkers?: string;
}

/**
 * Builds the configuration from environment variables (only the names in SETTINGS) and the
 * command line's options; throws on a value it cannot use, naming the setting.
 */
export function loadConfig(
  environment: Readonly<Record<string, string | undefined>> = process.env,
  options: ConfigOptions = {},
): LedgerConfig {
  const env = new Environment(environment);
  const rawPort = options.port ?? env.get('PORT') ?? '3000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535)
    throw new Error(`PORT must be 0-65535, got ${rawPort}`);
  const dataDir = resolve(options.dataDir ?? env.get('LEDGER_DATA_DIR') ?? './data');
  const logLevel = (env.get('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const store = storeConfig(env, dataDir);
  const institution = env.get('LEDGER_INSTITUTION') ?? 'local-trust';
  return {
    port,
    host: env.get('HOST') ?? '0.0.0.0',
    httpWorkers: httpWorkers(options.httpWorkers ?? env.get('LEDGER_HTTP_WORKERS')),
    dataDir,
    store,
    institution,
    origin: env.get('LEDGER_ORIGIN')?.trim() || defaultOrigin(institution),
    ...optional('signingKey', env.get('LEDGER_SIGNING_KEY')?.trim()),
    checkpointIntervalMs: positiveInt(env, 'LEDGER_CHECKPOINT_INTERVAL_MS', 1000),
    witness: {
      ...optional('configFile', env.get('LEDGER_WITNESS_CONFIG')?.trim()),
      ...optional('signingKey', env.get('LEDGER_WITNESS_SIGNING_KEY')?.trim()),
    },
    cli: {
      ...optional('token', env.get('LEDGER_TOKEN')),
      ...optional('backupPassphrase', env.get('LEDGER_BACKUP_PASSPHRASE')),
    },
    auth: authConfigFrom(env),
    production: env.get('NODE_ENV') === 'production',
    devKeys: options.devKeys === true,
    logLevel,
    bodyLimit: DEFAULT_BODY_LIMIT,
    readiness: {
      maxLagSeconds: positiveInt(env, 'LEDGER_READY_MAX_LAG_SECONDS', 30),
      storageFailureSeconds: positiveInt(env, 'LEDGER_READY_STORAGE_FAILURE_SECONDS', 15),
    },
    rateLimit: {
      windowSeconds: positiveInt(env, 'LEDGER_RATE_LIMIT_WINDOW_SECONDS', 60),
      perToken: countOrOff(env, 'LEDGER_RATE_LIMIT_PER_TOKEN', 1200),
      perAddress: countOrOff(env, 'LEDGER_RATE_LIMIT_PER_ADDRESS', 3000),
    },
    trustProxyHops: countOrOff(env, 'LEDGER_TRUST_PROXY_HOPS', 0),
    liveFeed: {
      maxClients: positiveInt(env, 'LEDGER_FEED_MAX_CLIENTS', 200),
      maxBufferedBytes: positiveInt(env, 'LEDGER_FEED_MAX_BUFFER_BYTES', 256 * 1024),
    },
    recognition: {
      ...optional('policyFile', resolved(env.get('LEDGER_RECOGNITION_POLICY'))),
      bodyLimit: positiveInt(env, 'LEDGER_RECOGNITION_BODY_LIMIT', 16 * 1024 * 1024),
    },
    issuer: issuerFrom(env, institution),
    retention: {
      traineeYears: countOrOff(env, 'LEDGER_RETENTION_TRAINEE_YEARS', 0),
      supervisorYears: countOrOff(env, 'LEDGER_RETENTION_SUPERVISOR_YEARS', 0),
    },
    ...withBackup(backupConfigFrom(env, store)),
    ...optional('webDir', resolved(env.get('LEDGER_WEB_DIR'))),
    ...oidcFrom(env),
  };
}

function issuerFrom(env: Environment, institution: string): IssuerConfig {
  const id = env.get('LEDGER_ISSUER_ID')?.trim() || 'did:web:localhost%3A3000';
  try {
    didWebOrigin(id);
  } catch (e) {
    throw new Error(`LEDGER_ISSUER_ID: ${(e as Error).message}`);
  }
  return {
    id,
    name: env.get('LEDGER_ISSUER_NAME')?.trim() || institution,
    ...optional('key', env.get('LEDGER_ISSUER_KEY')?.trim()),
  };
}

function oidcFrom(env: Environment): { oidc?: OidcConfig } {
  const issuer = env.get('LEDGER_OIDC_ISSUER');
  const clientId = env.get('LEDGER_OIDC_CLIENT_ID');
  if (!issuer && !clientId) return {};
  if (!issuer || !clientId)
    throw new Error('set both LEDGER_OIDC_ISSUER and LEDGER_OIDC_CLIENT_ID, or neither');
  if (!/^https?:\/\//.test(issuer))
    throw new Error(`LEDGER_OIDC_ISSUER must be a URL, got ${issuer}`);
  return { oidc: { issuer, clientId, scope: env.get('LEDGER_OIDC_SCOPE') ?? 'openid profile' } };
}

const withBackup = (backup: BackupConfig | undefined): { backup?: BackupConfig } =>
  backup === undefined ? {} : { backup };

/** A path setting made absolute, or undefined when unset. */
const resolved = (path: string | undefined): string | undefined =>
  path?.trim() ? resolve(path.trim()) : undefined;

/** `{ [key]: value }` when there is a value, else nothing (exactOptionalPropertyTypes). */
const optional = <K extends string>(
  key: K,
  value: string | undefined,
): Partial<Record<K, string>> =>
  value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);

/** DATABASE_URL selects PostgreSQL, EVENTSTORE_URL EventStoreDB, neither the embedded SQLite. */
function storeConfig(env: Environment, dataDir: string): EventStoreConfig {
  const databaseUrl = env.get('DATABASE_URL');
  const eventStoreUrl = env.get('EVENTSTORE_URL');
  if (databaseUrl && eventStoreUrl) throw new Error('set DATABASE_URL or EVENTSTORE_URL, not both');
  if (eventStoreUrl) return { kind: 'eventstoredb', url: eventStoreUrl };
  if (!databaseUrl) return { kind: 'sqlite', dataDir };
  const rawPool = env.get('DATABASE_POOL_SIZE') ?? '10';
  const poolSize = Number(rawPool);
  if (!Number.isInteger(poolSize) || poolSize < 2)
    throw new Error(`DATABASE_POOL_SIZE must be an integer >= 2, got ${rawPool}`);
  return { kind: 'postgres', url: databaseUrl, poolSize };
}

/**
 * The command line's terminal: colour unless NO_COLOR is set or TERM=dumb
 * (https://no-color.org), and the version npm passes.
 */
export function terminalSettings(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): { colour: boolean; version: string } {
  const env = new Environment(environment);
  return {
    colour: env.get('NO_COLOR') === undefined && env.get('TERM') !== 'dumb',
    version: env.get('npm_package_version') ?? '0.1.0',
  };
}
