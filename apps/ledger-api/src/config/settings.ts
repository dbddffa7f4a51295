/**
 * Every environment variable inr-ledger reads, in one table: loadConfig reads the environment
 * only through these names (a name not here does not compile), and docs/configuration.md is
 * this table rendered (a test fails when the two differ).
 */
export interface Setting {
  readonly name: string;
  /** Markdown: the value used when the variable is unset or empty. */
  readonly default: string;
  /** Markdown: what it does. */
  readonly meaning: string;
}

export const SETTINGS = [
  { name: 'PORT', default: '`3000`', meaning: 'HTTP port (`serve --port` wins)' },
  { name: 'HOST', default: '`0.0.0.0`', meaning: 'interface to listen on' },
  {
    name: 'LEDGER_HTTP_WORKERS',
    default: '`1`',
    meaning:
      'HTTP processes (`serve --http-workers` wins): `1` serves from one process; more starts that many HTTP workers that take the commands (parsing, authentication, validation, Idempotency-Key) and forward each to the one writer process, which keeps the store, the Merkle log and the read models and serves every other route (docs/architecture.md, "HTTP workers")',
  },
  {
    name: 'LEDGER_DATA_DIR',
    default: '`./data`',
    meaning:
      'events (`events.sqlite`), Merkle hashes and checkpoints (`ledger.sqlite`), read models, keys; created 0700 with every file 0600 (tightened at start if wider); `--data-dir` wins',
  },
  {
    name: 'LEDGER_INSTITUTION',
    default: '`local-trust`',
    meaning: 'the institution this instance runs for',
  },
  {
    name: 'LEDGER_ORIGIN',
    default: '`<institution>/inr-ledger`',
    meaning: "the log's origin line and signing key name",
  },
  {
    name: 'LEDGER_SIGNING_KEY',
    default: 'generated into `<data>/log-key` (0600)',
    meaning: "the institution's Ed25519 key, C2SP `PRIVATE+KEY+…` form",
  },
  {
    name: 'LEDGER_CHECKPOINT_INTERVAL_MS',
    default: '`1000`',
    meaning: 'at most this long after new events a checkpoint is signed',
  },
  {
    name: 'LEDGER_FEED_MAX_CLIENTS',
    default: '`200`',
    meaning: 'live feeds (`/v1/events/stream`) open at once; one more gets 503 `TOO_MANY_FEEDS`',
  },
  {
    name: 'LEDGER_FEED_MAX_BUFFER_BYTES',
    default: '`262144`',
    meaning:
      'unsent bytes a live-feed client may leave buffered; past it the client is disconnected (it resumes with `Last-Event-ID`)',
  },
  {
    name: 'LEDGER_READY_MAX_LAG_SECONDS',
    default: '`30`',
    meaning:
      '`/ready` answers 503 `LOG_LAGGING` once an event has waited this long for a signed checkpoint (and `LOG_FAILING` at once while integrating or signing fails; both are retried with backoff)',
  },
  {
    name: 'LEDGER_READY_STORAGE_FAILURE_SECONDS',
    default: '`15`',
    meaning:
      'after a storage failure (a request answered 503 `STORAGE_UNAVAILABLE`), `/ready` answers 503 `STORAGE_FAILING` this long',
  },
  {
    name: 'LEDGER_RATE_LIMIT_PER_TOKEN',
    default: '`1200`',
    meaning:
      'requests per window per bearer token; past it, 429 `RATE_LIMITED` with `Retry-After`; `0` turns it off',
  },
  {
    name: 'LEDGER_RATE_LIMIT_PER_ADDRESS',
    default: '`3000`',
    meaning:
      'requests per window per client address; past it, 429 `RATE_LIMITED` with `Retry-After`; `0` turns it off',
  },
  { name: 'LEDGER_RATE_LIMIT_WINDOW_SECONDS', default: '`60`', meaning: "the rate limits' window" },
  {
    name: 'LEDGER_TRUST_PROXY_HOPS',
    default: '`0`',
    meaning:
      'proxies in front of the service whose `X-Forwarded-For` is believed for the client address (set it behind a load balancer, or all clients share one address limit)',
  },
  {
    name: 'LEDGER_WITNESS_CONFIG',
    default: 'none',
    meaning:
      'JSON file: logs we witness and witnesses we submit checkpoints to (also asked by `restore`)',
  },
  {
    name: 'LEDGER_RECOGNITION_POLICY',
    default: 'none (recognition refused: `422 RECOGNITION_NOT_CONFIGURED`)',
    meaning:
      'C2SP tlog-policy file of the partner logs and witnesses whose trainee bundles this ledger may recognise (`POST /v1/trainees/{id}/recognitions`)',
  },
  {
    name: 'LEDGER_RECOGNITION_BODY_LIMIT',
    default: '`16777216`',
    meaning:
      'largest recognition request, in bytes, sent as `application/vnd.inr-ledger.recognition+json` (a whole record with its proofs)',
  },
  {
    name: 'LEDGER_WITNESS_SIGNING_KEY',
    default: 'generated into `<data>/witness/log-key`',
    meaning: "our key when we cosign partners' checkpoints",
  },
  {
    name: 'LEDGER_ISSUER_ID',
    default: '`did:web:localhost%3A3000`',
    meaning:
      'the issuer of portable credentials (Open Badges 3.0), a `did:web` host identifier: its DID document is served at `/.well-known/did.json` and every link in a credential starts with the HTTPS origin it names (docs/credentials.md)',
  },
  {
    name: 'LEDGER_ISSUER_NAME',
    default: 'the institution',
    meaning: "the issuer profile's `name` in every credential",
  },
  {
    name: 'LEDGER_ISSUER_KEY',
    default: 'generated into `<data>/issuer-key` (0600)',
    meaning:
      'the Ed25519 key credentials and status lists are signed with: its 32-byte seed in base64url (`inr-ledger keys --rotate-issuer` rotates the generated one)',
  },
  {
    name: 'DATABASE_URL',
    default: 'none (embedded SQLite)',
    meaning:
      'PostgreSQL connection URL, e.g. `postgres://ledger:secret@db:5432/ledger?sslmode=require`: events, Merkle tree, signed checkpoints and Idempotency-Key answers in PostgreSQL, shared by every replica (and the target of `migrate`)',
  },
  {
    name: 'DATABASE_POOL_SIZE',
    default: '`10`',
    meaning: 'connections each replica keeps to PostgreSQL at most',
  },
  {
    name: 'EVENTSTORE_URL',
    default: 'none (embedded SQLite)',
    meaning: 'EventStoreDB / KurrentDB connection string, e.g. `esdb://host:2113?tls=false`',
  },
  {
    name: 'NODE_ENV',
    default: 'none',
    meaning:
      '`production`: `serve` refuses to start (exit 3) without `LEDGER_JWKS_URL`, `LEDGER_JWT_ISSUER` and `LEDGER_JWT_AUDIENCE`, unless started with `--dev-keys` (warned at every start)',
  },
  {
    name: 'LEDGER_JWKS_URL',
    default: 'none (development key in the data directory)',
    meaning:
      "identity provider's JWKS; tokens carry `sub`, `role`, `institution`; needs `LEDGER_JWT_ISSUER` and `LEDGER_JWT_AUDIENCE`",
  },
  {
    name: 'LEDGER_JWT_ISSUER',
    default: '`inr-ledger-dev` with the development key; required with `LEDGER_JWKS_URL`',
    meaning: 'expected `iss`, always checked',
  },
  {
    name: 'LEDGER_JWT_AUDIENCE',
    default: '`inr-ledger` with the development key; required with `LEDGER_JWKS_URL`',
    meaning: 'expected `aud`, always checked',
  },
  {
    name: 'LEDGER_JWT_MAX_LIFETIME',
    default: '`12h`',
    meaning:
      'longest token accepted: `exp` is required, and `exp − iat` (or `exp − now`) above this is refused (401 `TOKEN_LIFETIME`); `inr-ledger token` refuses a longer `--expires-in`',
  },
  {
    name: 'LEDGER_WEB_DIR',
    default: "the build's `dist/web`",
    meaning: 'the built web app (`index.html` and `assets/`) served at `/`',
  },
  {
    name: 'LEDGER_OIDC_ISSUER',
    default: 'none (no web sign-in)',
    meaning:
      'OpenID Connect issuer URL the web app signs users in with (authorisation code flow with PKCE); set with `LEDGER_OIDC_CLIENT_ID`; its tokens must pass the identity settings above',
  },
  {
    name: 'LEDGER_OIDC_CLIENT_ID',
    default: 'none',
    meaning: "the web app's public client id at that provider (no secret: PKCE protects the code)",
  },
  {
    name: 'LEDGER_OIDC_SCOPE',
    default: '`openid profile`',
    meaning: 'scopes the web app asks for',
  },
  {
    name: 'LOG_LEVEL',
    default: '`info`',
    meaning: '`debug`, `info`, `warn`, `error`, `silent`; logs are JSON lines with request ids',
  },
  {
    name: 'LEDGER_BACKUP_DIR',
    default: 'none (no scheduled backups)',
    meaning:
      '`serve` writes an online backup into a new `ledger-<time>` directory here every interval',
  },
  {
    name: 'LEDGER_BACKUP_INTERVAL',
    default: '`6h`',
    meaning: 'how often scheduled backups run (`30m`, `6h`, `1d`)',
  },
  { name: 'LEDGER_BACKUP_KEEP', default: '`7`', meaning: 'how many scheduled backups to keep' },
  {
    name: 'LEDGER_BACKUP_PRIVATE_KEYS',
    default: 'off',
    meaning: '`1`: scheduled backups also carry the private keys, sealed with the passphrase',
  },
  {
    name: 'LEDGER_BACKUP_PASSPHRASE',
    default: 'none',
    meaning:
      'seals private keys in backups (scheduled, or `backup --include-private-keys`) and opens them at `restore`, when no `--passphrase-file` is given',
  },
  {
    name: 'LEDGER_RETENTION_TRAINEE_YEARS',
    default: '`0` (kept)',
    meaning:
      "years after a trainee's last recorded event that their personal data (notes, comments, reasons, references) is kept; `inr-ledger retention` reports, and with `--erase` erases, what is past it (docs/privacy.md §6)",
  },
  {
    name: 'LEDGER_RETENTION_SUPERVISOR_YEARS',
    default: '`0` (kept)',
    meaning:
      "the same for a supervisor's personal data (GMC number, revocation reasons); their sign-offs count as before",
  },
  {
    name: 'LEDGER_TOKEN',
    default: 'none',
    meaning: 'bearer token `inr-ledger export --url` sends when `--token` is not given',
  },
  {
    name: 'NO_COLOR',
    default: 'none',
    meaning: 'any value: the command line prints no colour (as does `TERM=dumb`)',
  },
  { name: 'TERM', default: 'set by the terminal', meaning: '`dumb`: no colour' },
  {
    name: 'npm_package_version',
    default: 'set by `npm run`',
    meaning: 'the version `inr-ledger --version` prints (else `0.1.0`)',
  },
] as const satisfies readonly Setting[];

export type SettingName = (typeof SETTINGS)[number]['name'];

/** The environment, read only through declared settings; an empty value counts as unset. */
export class Environment {
  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  get(name: SettingName): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }
}

/** The settings table as Markdown (docs/configuration.md holds exactly this). */
export function renderSettingsTable(): string {
  const rows = SETTINGS.map((s) => `| \`${s.name}\` | ${s.default} | ${s.meaning} |`);
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
