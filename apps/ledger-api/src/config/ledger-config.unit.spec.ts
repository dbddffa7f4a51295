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
