import type { DomainEvent } from '../events';
import { actor, contextFor, supervisorAccredited, TODAY } from '../testing/fixtures';
import { specification } from '../testing/specification';
import { supervisorDecider } from './supervisor-decider';

const spec = specification(supervisorDecider);
const accreditor = contextFor(actor('accreditor', 'rcr-1'));
const accredited = supervisorAccredited();
const accredit = { type: 'AccreditSupervisor', ...accredited.data } as const;
const revoke = {
  type: 'RevokeSupervisorAccreditation',
  supervisorId: 'inr-1',
  reason: 'fitness to practise',
} as const;
const revoked: DomainEvent = {
  type: 'SupervisorAccreditationRevoked',
  data: { supervisorId: 'inr-1', revokedOn: TODAY, reason: 'fitness to practise' },
};

describe('accrediting supervisors', () => {
  it('an accreditor accredits a GMC-registered INR for procedures at institutions', () => {
    spec.given().when(accredit, accreditor).then([accredited]);
  });

  it('a GMC number has seven digits', () => {
    spec
      .given()
      .when({ ...accredit, gmcNumber: '70123' }, accreditor)
      .thenFails('INVALID_GMC_NUMBER');
  });

  it('a renewal keeps the same GMC number', () => {
    spec
      .given([accredited])
      .when({ ...accredit, validFrom: '2026-01-01' }, accreditor)
      .then([supervisorAccredited({ validFrom: '2026-01-01' })]);
    spec
      .given([accredited])
      .when({ ...accredit, gmcNumber: '7099999' }, accreditor)
      .thenFails('GMC_NUMBER_MISMATCH');
  });

  it('an accreditation names at least one institution and one procedure, and a sane period', () => {
    spec
      .given()
      .when({ ...accredit, institutionIds: [] }, accreditor)
      .thenFails('INVALID_VALUE');
    spec
      .given()
      .when({ ...accredit, procedures: [] }, accreditor)
      .thenFails('INVALID_VALUE');
    spec
      .given()
      .when({ ...accredit, validUntil: '2023-12-31' }, accreditor)
      .thenFails('INVALID_PERIOD');
  });

  it('only a medical director directs a principal training hospital', () => {
    spec
      .given()
      .when({ ...accredit, principalTrainingHospital: true }, accreditor)
      .thenFails('INVALID_VALUE');
  });

  it('a trainee cannot accredit anyone', () => {
    spec
      .given()
      .when(accredit, contextFor(actor('trainee', 'trainee-1')))
      .thenFails('ROLE_NOT_PERMITTED');
  });
});

describe('revoking an accreditation', () => {
  it('revocation takes effect today and needs a reason', () => {
    spec.given([accredited]).when(revoke, accreditor).then([revoked]);
    spec
      .given([accredited])
      .when({ ...revoke, reason: '' }, accreditor)
      .thenFails('REASON_REQUIRED');
  });

  it('a revocation for cause says so (its flags for review follow from it)', () => {
    spec
      .given([accredited])
      .when({ ...revoke, forCause: true }, accreditor)
      .then([{ ...revoked, data: { ...revoked.data, forCause: true } }]);
  });

  it('there must be an accreditation to revoke', () => {
    spec.given().when(revoke, accreditor).thenFails('SUPERVISOR_NOT_ACCREDITED');
    spec
      .given([accredited, revoked])
      .when(revoke, accreditor)
      .thenFails('SUPERVISOR_NOT_ACCREDITED');
  });

  it('a supervisor revoked and accredited again holds the new period only', () => {
    const state = spec
      .given([accredited, revoked])
      .when({ ...accredit, validFrom: '2026-04-01' }, accreditor)
      .then([supervisorAccredited({ validFrom: '2026-04-01' })]);
    expect(state.status === 'known' && state.periods.map((p) => p.revokedOn)).toEqual([
      TODAY,
      undefined,
    ]);
  });
});
