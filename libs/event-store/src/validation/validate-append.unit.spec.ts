import { InvalidAppend } from '../port/errors';
import { validateAppend, validateExpectedRevision, validateStreamId } from './validate-append';

const ID = 'A1B2C3D4-0000-4000-8000-00000000000F';

describe('validateAppend', () => {
  it('accepts a well-formed append, lower-casing ids and serialising once', () => {
    const result = validateAppend(
      'trainee-42',
      [{ id: ID, type: 'TraineeEnrolled', data: { a: [1, 'x', null] } }],
      3,
    );
    expect(result).toEqual({
      streamId: 'trainee-42',
      expectedRevision: 3,
      events: [
        {
          id: ID.toLowerCase(),
          type: 'TraineeEnrolled',
          data: { a: [1, 'x', null] },
          metadata: {},
          dataJson: '{"a":[1,"x",null]}',
          metadataJson: '{}',
        },
      ],
    });
  });

  it.each([
    'trainee-1',
    'case-6f1c1f5e-2d7a-4b8e-9c1a-0e2f3a4b5c6d',
    'policy-mt-2024.v2',
    'institution-Ünï',
  ])('accepts stream id %s', (id) => expect(validateStreamId(id)).toBe(id));
  it.each(['', ' ', 'trainee', 'trainee-', '-1', '1case-x', '$ce-case', 'case-a\nb', 'case-a b'])(
    'refuses stream id %j',
    (id) => expect(() => validateStreamId(id)).toThrow(InvalidAppend),
  );

  it('treats ids differing only in case as duplicates', () => {
    const events = [
      { id: ID, type: 'T', data: {} },
      { id: ID.toLowerCase(), type: 'T', data: {} },
    ];
    expect(() => validateAppend('case-1', events, 'any')).toThrow(/twice/);
  });

  it('refuses sparse arrays, class instances and $-types, but accepts repeated (non-cyclic) references', () => {
    const shared = { x: 1 };
    const holey = new Array<number>(3).fill(1);
    delete holey[1];
    expect(() =>
      validateAppend('case-1', [{ id: ID, type: 'T', data: { s: holey } }], 'any'),
    ).toThrow(/hole/);
    expect(() =>
      validateAppend('case-1', [{ id: ID, type: 'T', data: { m: new Map() } }], 'any'),
    ).toThrow(/Map/);
    expect(() =>
      validateAppend('case-1', [{ id: ID, type: '$metadata', data: {} }], 'any'),
    ).toThrow(InvalidAppend);
    expect(
      validateAppend('case-1', [{ id: ID, type: 'T', data: { a: shared, b: shared } }], 'any')
        .events[0]?.dataJson,
    ).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('refuses, as finding 1, any event the Merkle log could not hash (lone surrogates anywhere)', () => {
    const append = (data: unknown, type = 'T', streamId = 'case-1'): unknown =>
      validateAppend(streamId, [{ id: ID, type, data }], 'any');
    expect(() => append({ notes: '\ud800' })).toThrow(/notes holds a lone surrogate/);
    expect(() => append({ a: [{ b: 'x\udc00' }] })).toThrow(/lone surrogate/);
    expect(() => append({ ['\ud800']: 1 })).toThrow(/key with a lone surrogate/);
    expect(() => append({}, 'T\ud800')).toThrow(/type holds a lone surrogate/);
    expect(() => append({}, 'T', 'case-\ud800')).toThrow(/stream id holds a lone surrogate/);
    expect(append({ ok: '\ud83d\ude00' })).toBeDefined();
  });

  it('defaults the expected revision to any and refuses unknown ones', () => {
    expect(validateExpectedRevision(undefined)).toBe('any');
    expect(() => validateExpectedRevision(Number.MAX_SAFE_INTEGER + 2)).toThrow(InvalidAppend);
    expect(() => validateExpectedRevision('0')).toThrow(InvalidAppend);
  });
});
