import { LedgerIndex, type IndexedEvent } from './ledger-index';

const at = (
  commit: number,
  id: string,
  streamId: string,
  revision: number,
  createdMs = commit,
): IndexedEvent => ({
  id,
  streamId,
  revision,
  commit,
  prepare: commit,
  createdMs,
});

describe('LedgerIndex', () => {
  const build = (): LedgerIndex => {
    const index = new LedgerIndex();
    index.add(at(100, 'a', 'case-1', 0));
    index.add(at(250, 'b', 'case-1', 1));
    index.add(at(400, 'c', 'trainee-1', 0, 200)); // the leader's clock stepped back
    index.add(at(900, 'd', 'case-1', 2));
    return index;
  };

  it('numbers $all events 0.. gap-free and finds them by log position and by id', () => {
    const index = build();
    expect(index.size).toBe(4);
    expect(index.ordinalAt({ commit: 400, prepare: 400 })).toBe(2);
    expect(index.ordinalAt({ commit: 401, prepare: 401 })).toBeUndefined();
    expect(index.ordinalOfId('d')).toBe(3);
    expect(index.add(at(250, 'b', 'case-1', 1))).toBe(1);
    expect(index.size).toBe(4);
    expect(() => index.add(at(300, 'e', 'case-2', 0))).toThrow(/backwards/);
    expect(index.reached({ commit: 900, prepare: 900 })).toBe(true);
    expect(index.reached({ commit: 901, prepare: 0 })).toBe(false);
  });

  it('keeps recordedAt non-decreasing in global order', () => {
    const index = build();
    expect([0, 1, 2, 3].map((i) => Date.parse(index.recordedAt(i)))).toEqual([100, 250, 250, 900]);
  });

  it('recognises a repeated append, and conflicts on partial or displaced overlap', () => {
    const index = build();
    expect(index.checkIdempotency('case-1', ['x', 'y'])).toEqual({ kind: 'new' });
    expect(index.checkIdempotency('case-1', ['a', 'b'])).toEqual({
      kind: 'repeat',
      firstPosition: 0,
      lastRevision: 1,
    });
    expect(index.checkIdempotency('case-1', ['x', 'b'])).toEqual({
      kind: 'conflict',
      eventId: 'b',
    });
    expect(index.checkIdempotency('case-1', ['b', 'a'])).toEqual({
      kind: 'conflict',
      eventId: 'b',
    });
    expect(index.checkIdempotency('case-2', ['a'])).toEqual({ kind: 'conflict', eventId: 'a' });
    // b and d are consecutive revisions of case-1 but not consecutive in $all: not one append.
    expect(index.checkIdempotency('case-1', ['b', 'd'])).toEqual({
      kind: 'conflict',
      eventId: 'b',
    });
  });
});
