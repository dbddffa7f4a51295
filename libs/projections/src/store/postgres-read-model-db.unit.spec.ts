import { describe, expect, it } from '@jest/globals';
import { sessionLost } from './postgres-read-model-db';

describe('a replica applying read models knows when its PostgreSQL session is gone', () => {
  it('a broken socket, a connection exception or the server ending the session: the lock is gone', () => {
    for (const code of [
      undefined,
      'ECONNRESET',
      'EPIPE',
      '08006',
      '08003',
      '57P01',
      '57P02',
      '57P03',
    ])
      expect(sessionLost(code)).toBe(true);
  });

  it('a cancelled statement, a serialisation failure or a constraint: the session (and lock) stay', () => {
    for (const code of ['57014', '40001', '23505', '42P01']) expect(sessionLost(code)).toBe(false);
  });
});
