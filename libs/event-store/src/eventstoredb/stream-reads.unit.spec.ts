import { planStreamReads } from './stream-reads';

describe('planStreamReads', () => {
  it('reads each stream once per run of close revisions, splitting at long gaps', () => {
    const plan = planStreamReads(
      [
        { streamId: 'a', revision: 5 },
        { streamId: 'b', revision: 0 },
        { streamId: 'a', revision: 1 },
        { streamId: 'a', revision: 100 },
        { streamId: 'a', revision: 3 },
      ],
      10,
    );
    expect(plan).toEqual([
      { streamId: 'a', fromRevision: 1, count: 5 },
      { streamId: 'a', fromRevision: 100, count: 1 },
      { streamId: 'b', fromRevision: 0, count: 1 },
    ]);
  });

  it('plans nothing for nothing', () => {
    expect(planStreamReads([])).toEqual([]);
  });
});
