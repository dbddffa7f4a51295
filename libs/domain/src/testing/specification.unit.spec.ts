import type { DomainEvent } from '../events';
import type { Decider } from '../shared/decider';
import { domainError } from '../shared/domain-error';
import { actor, contextFor } from './fixtures';
import { specification } from './specification';

// A toy decider: 'ok' emits one retraction, anything else is refused.
const toy: Decider<{ type: 'ok' | 'no' }, number> = {
  decide: (command) =>
    command.type === 'ok'
      ? [{ type: 'CaseRetracted', data: { caseId: 'c', traineeId: 't', reason: 'r' } }]
      : domainError('CASE_NOT_FOUND', 'no'),
  evolve: (state, _event: DomainEvent) => state + 1,
  initialState: () => 0,
};
const ctx = contextFor(actor('trainee', 't'));
const retracted: DomainEvent = {
  type: 'CaseRetracted',
  data: { caseId: 'c', traineeId: 't', reason: 'r' },
};

describe('the specification helper', () => {
  it('passes when the events match and returns the state after given and produced events', () => {
    expect(specification(toy).given([retracted]).when({ type: 'ok' }, ctx).then([retracted])).toBe(
      2,
    );
  });

  it('fails when the events differ', () => {
    expect(() => specification(toy).given().when({ type: 'ok' }, ctx).then([])).toThrow(
      /Expected events/,
    );
  });

  it('fails when events were expected but the command was refused', () => {
    expect(() => specification(toy).given().when({ type: 'no' }, ctx).then([retracted])).toThrow(
      /refused: CASE_NOT_FOUND/,
    );
  });

  it('fails when a refusal was expected but events were produced, or the code differs', () => {
    expect(() =>
      specification(toy).given().when({ type: 'ok' }, ctx).thenFails('CASE_NOT_FOUND'),
    ).toThrow(/Expected refusal/);
    expect(() =>
      specification(toy).given().when({ type: 'no' }, ctx).thenFails('CASE_RETRACTED'),
    ).toThrow(/refused with CASE_NOT_FOUND/);
  });

  it('treats an undefined optional field as absent', () => {
    const withUndefined = {
      type: 'CaseRetracted',
      data: { caseId: 'c', traineeId: 't', reason: 'r', extra: undefined },
    };
    expect(() =>
      specification(toy)
        .given()
        .when({ type: 'ok' }, ctx)
        .then([withUndefined as unknown as DomainEvent]),
    ).not.toThrow();
  });
});
