import { identityRefusal } from './identity-config';
import { loadConfig } from './ledger-config';

describe('loadConfig: which event store', () => {
  it('uses the embedded SQLite store in the data directory by default', () => {
    expect(loadConfig({ LEDGER_DATA_DIR: '/tmp/x' }).store).toEqual({
      kind: 'sqlite',
      dataDir: '/tmp/x',
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, with the pool size given or 10', () => {
    const url = 'postgres://ledger@db.internal:5432/ledger';
    expect(loadConfig({ DATABASE_URL: url }).store).toEqual({
      kind: 'postgres',
      url,
      poolSize: 10,
    });
    expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '32' }).store).toMatchObject({
      poolSize: 32,
    });
  });

  it('refuses an unusable pool size and two stores at once', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://h/d', DATABASE_POOL_SIZE: 'many' }),
    ).toThrow(/DATABASE_POOL_SIZE/);
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://h/d', EVENTSTORE_URL: 'esdb://h' }),
    ).toThrow(/not both/);
  });
});

describe('loadConfig: rate limits', () => {
  it('defaults to generous limits and takes 0 as off', () => {
    expect(loadConfig({}).rateLimit).toEqual({
      windowSeconds: 60,
      perToken: 1200,
      perAddress: 3000,
    });
    expect(
      loadConfig({ LEDGER_RATE_LIMIT_PER_TOKEN: '0', LEDGER_RATE_LIMIT_PER_ADDRESS: '10' })
        .rateLimit,
    ).toMatchObject({ perToken: 0, perAddress: 10 });
  });

  it('refuses a negative or non-integer limit', () => {
    expect(() => loadConfig({ LEDGER_RATE_LIMIT_PER_TOKEN: '-1' })).toThrow(/PER_TOKEN/);
    expect(() => loadConfig({ LEDGER_RATE_LIMIT_PER_ADDRESS: 'lots' })).toThrow(/PER_ADDRESS/);
  });
});

describe('loadConfig: identity (finding 7)', () => {
  it('uses the development key with its own issuer and audience, 12 h at most, by default', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({
      kind: 'development',
      issuer: 'inr-ledger-dev',
      audience: 'inr-ledger',
      maxLifetimeSeconds: 12 * 3600,
    });
    expect(config.production).toBe(false);
  });

  it('refuses an identity provider without an issuer or an audience', () => {
    const jwks = 'https://idp.example/jwks.json';
    expect(() => loadConfig({ LEDGER_JWKS_URL: jwks, LEDGER_JWT_ISSUER: 'https://idp' })).toThrow(
      'LEDGER_JWKS_URL needs LEDGER_JWT_AUDIENCE',
    );
    expect(() => loadConfig({ LEDGER_JWKS_URL: jwks })).toThrow(
      'LEDGER_JWKS_URL needs LEDGER_JWT_ISSUER and LEDGER_JWT_AUDIENCE',
    );
    expect(() =>
      loadConfig({ LEDGER_JWKS_URL: 'idp', LEDGER_JWT_ISSUER: 'i', LEDGER_JWT_AUDIENCE: 'a' }),
    ).toThrow(/http\(s\) URL/);
  });

  it('reads the maximum token lifetime as a duration', () => {
    expect(loadConfig({ LEDGER_JWT_MAX_LIFETIME: '1h' }).auth.maxLifetimeSeconds).toBe(3600);
    expect(() => loadConfig({ LEDGER_JWT_MAX_LIFETIME: 'forever' })).toThrow(
      /LEDGER_JWT_MAX_LIFETIME/,
    );
  });

  it('refuses to serve production on development keys unless --dev-keys says so', () => {
    expect(identityRefusal(loadConfig({ NODE_ENV: 'production' }))).toMatch(/LEDGER_JWKS_URL/);
    expect(identityRefusal(loadConfig({ NODE_ENV: 'production' }, { devKeys: true }))).toBe(
      undefined,
    );
    expect(identityRefusal(loadConfig({}))).toBe(undefined);
    const idp = {
      NODE_ENV: 'production',
      LEDGER_JWKS_URL: 'https://idp.example/jwks.json',
      LEDGER_JWT_ISSUER: 'https://idp.example',
      LEDGER_JWT_AUDIENCE: 'inr-ledger',
    };
    expect(identityRefusal(loadConfig(idp))).toBe(undefined);
  });
});

describe('loadConfig: everything else read from the environment (issue 12)', () => {
  it('derives the origin from the institution unless LEDGER_ORIGIN says otherwise', () => {
    expect(loadConfig({ LEDGER_INSTITUTION: 'rvi' }).origin).toBe('rvi/inr-ledger');
    expect(loadConfig({ LEDGER_ORIGIN: 'log.example/x' }).origin).toBe('log.example/x');
  });

  it('carries the keys, witness file, checkpoint interval and command-line settings', () => {
    const config = loadConfig({
      LEDGER_SIGNING_KEY: 'PRIVATE+KEY+a',
      LEDGER_WITNESS_CONFIG: '/etc/w.json',
      LEDGER_WITNESS_SIGNING_KEY: 'PRIVATE+KEY+w',
      LEDGER_CHECKPOINT_INTERVAL_MS: '250',
      LEDGER_TOKEN: 'tok',
      LEDGER_BACKUP_PASSPHRASE: 'pass word',
    });
    expect(config).toMatchObject({
      signingKey: 'PRIVATE+KEY+a',
      witness: { configFile: '/etc/w.json', signingKey: 'PRIVATE+KEY+w' },
      checkpointIntervalMs: 250,
      cli: { token: 'tok', backupPassphrase: 'pass word' },
    });
    expect(() => loadConfig({ LEDGER_CHECKPOINT_INTERVAL_MS: '0' })).toThrow(
      /LEDGER_CHECKPOINT_INTERVAL_MS/,
    );
  });

  it('lets --port and --data-dir win, and treats an empty value as unset', () => {
    const config = loadConfig(
      { PORT: '8080', LEDGER_DATA_DIR: '/a' },
      { port: '0', dataDir: '/b' },
    );
    expect(config).toMatchObject({ port: 0, dataDir: '/b' });
    expect(loadConfig({ EVENTSTORE_URL: '' }).store.kind).toBe('sqlite');
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
