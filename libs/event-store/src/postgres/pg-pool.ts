import { Pool, types, type PoolConfig } from 'pg';

export interface PostgresConnection {
  /** postgres://user:password@host:port/database (libpq URL; sslmode etc. in the query string). */
  url: string;
  /** Connections this process keeps open at most (default 10). */
  poolSize?: number;
}

const INT8 = 20;

/**
 * A pool whose bigint columns read as numbers: positions, revisions and tree sizes are bigint in
 * the schema but stay below 2^53, which Number holds exactly (node-postgres' default is strings).
 */
export function openPool(connection: PostgresConnection, extra: PoolConfig = {}): Pool {
  return new Pool({
    connectionString: connection.url,
    max: connection.poolSize ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 && format !== 'binary'
          ? (value: string) => toSafeNumber(value)
          : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
    },
    ...extra,
  });
}

function toSafeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} is beyond 2^53`);
  return n;
}
