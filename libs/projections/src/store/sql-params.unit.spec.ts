import { SqlTemplate, literal } from './sql-params';

describe('SQL written for SQLite, sent to PostgreSQL', () => {
  it('numbers each ? outside quotes and leaves quoted ones alone', () => {
    const sql = new SqlTemplate(`SELECT doc FROM t WHERE key = ? AND note <> '?' AND "a?" = ?`);
    expect(sql.placeholders).toBe(2);
    expect(sql.numbered).toBe(`SELECT doc FROM t WHERE key = $1 AND note <> '?' AND "a?" = $2`);
  });

  it('writes values in so that no value can end its literal or start a comment', () => {
    const sql = new SqlTemplate('UPDATE t SET n = n-? WHERE key = ?');
    const text = sql.inline([-1, `x'; DROP TABLE t; --`]);
    expect(text).toBe(`UPDATE t SET n = n-(-1) WHERE key = 'x''; DROP TABLE t; --'`);
  });

  it('escapes backslashes in the E form, which reads the same whatever the server setting', () => {
    expect(literal(String.raw`a\'b`)).toBe(String.raw`E'a\\''b'`);
    expect(literal('plain')).toBe(`'plain'`);
  });

  it('writes null, numbers, booleans and bytes, and refuses what PostgreSQL text cannot hold', () => {
    expect(literal(null)).toBe('NULL');
    expect(literal(undefined)).toBe('NULL');
    expect(literal(42)).toBe('42');
    expect(literal(-2n)).toBe('(-2)');
    expect(literal(true)).toBe('1');
    expect(literal(new Uint8Array([0, 255]))).toBe(`decode('00ff', 'hex')`);
    expect(() => literal('a\u0000b')).toThrow(TypeError);
    expect(() => literal(Number.NaN)).toThrow(TypeError);
    expect(() => literal({})).toThrow(TypeError);
  });
});
