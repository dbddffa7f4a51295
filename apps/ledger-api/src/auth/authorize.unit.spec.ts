import { COMMAND_ROLES, type CommandType } from '@inr/domain';
import type { AuthenticatedActor } from './actor';
import { authorize, isPublic, POLICY, readScope } from './authorize';

const actor = (
  role: AuthenticatedActor['role'],
  subject = 'u-1',
  institutionId = 'rvi',
): AuthenticatedActor => ({
  role,
  subject,
  institutionId,
});

describe('authorize', () => {
  it('lets exactly the roles the domain names send each command', () => {
    for (const [command, roles] of Object.entries(COMMAND_ROLES) as Array<
      [CommandType, readonly string[]]
    >) {
      expect({ command, roles: Object.keys(POLICY[command]).sort() }).toEqual({
        command,
        roles: [...roles].sort(),
      });
    }
  });

  it('keeps a trainee to their own record', () => {
    expect(authorize(actor('trainee', 'trn-1'), 'LogCase', { ownerId: 'trn-1' }).allowed).toBe(
      true,
    );
    expect(authorize(actor('trainee', 'trn-1'), 'LogCase', { ownerId: 'trn-2' }).allowed).toBe(
      false,
    );
  });

  it('lets a supervisor sign only cases naming them at an institution they are accredited for', () => {
    const sup = actor('supervisor', 'sup-1');
    expect(
      authorize(sup, 'SignOffCase', {
        namedId: 'sup-1',
        institutionIds: ['rvi'],
        actorAccreditedAt: ['rvi'],
      }).allowed,
    ).toBe(true);
    expect(
      authorize(sup, 'SignOffCase', {
        namedId: 'sup-2',
        institutionIds: ['rvi'],
        actorAccreditedAt: ['rvi'],
      }).allowed,
    ).toBe(false);
    expect(
      authorize(sup, 'SignOffCase', {
        namedId: 'sup-1',
        institutionIds: ['salford'],
        actorAccreditedAt: ['rvi'],
      }).allowed,
    ).toBe(false);
  });

  it('keeps institutional readers to their institution', () => {
    expect(
      authorize(actor('trust-auditor'), 'trainee.read', { institutionIds: ['rvi'] }).allowed,
    ).toBe(true);
    expect(
      authorize(actor('trust-auditor'), 'trainee.read', { institutionIds: ['salford'] }).allowed,
    ).toBe(false);
    expect(
      authorize(actor('regulator'), 'trainee.read', { institutionIds: ['salford'] }).allowed,
    ).toBe(true);
  });

  it('gives the live feed a scope per role', () => {
    expect(readScope(actor('accreditor'))).toBe('all');
    expect(readScope(actor('trust-auditor'))).toBe('institution');
    expect(readScope(actor('trainee'))).toBe('own');
  });

  it('finding 4: a record at several institutions needs all of them in scope', () => {
    const director = actor('medical-director', 'md-1', 'rvi');
    expect(
      authorize(director, 'AccreditSupervisor', { ownerId: 'sup-1', institutionIds: ['rvi'] })
        .allowed,
    ).toBe(true);
    expect(
      authorize(director, 'AccreditSupervisor', {
        ownerId: 'sup-1',
        institutionIds: ['rvi', 'salford'],
      }).allowed,
    ).toBe(false);
    expect(authorize(director, 'AccreditSupervisor', { institutionIds: [] }).allowed).toBe(false);
    const sup = actor('supervisor', 'sup-1');
    expect(
      authorize(sup, 'SignOffCase', {
        namedId: 'sup-1',
        institutionIds: ['rvi', 'salford'],
        actorAccreditedAt: ['rvi'],
      }).allowed,
    ).toBe(false);
  });

  it('findings 4 and 5: no one writes to their own record unless the rule is "own"', () => {
    expect(
      authorize(actor('medical-director', 'md-1'), 'AccreditSupervisor', {
        ownerId: 'md-1',
        institutionIds: ['rvi'],
      }),
    ).toEqual({ allowed: false, reason: expect.stringContaining('their own record') });
    expect(
      authorize(actor('admin', 'adm-1'), 'RevokeSupervisorAccreditation', { ownerId: 'adm-1' })
        .allowed,
    ).toBe(false);
    for (const command of ['SuspendCredential', 'ReinstateCredential', 'RevokeCredential'] as const)
      expect(authorize(actor('panel', 'pnl-1'), command, { ownerId: 'pnl-1' }).allowed).toBe(false);
    // Reading one's own record is fine.
    expect(authorize(actor('panel', 'pnl-1'), 'trainee.read', { ownerId: 'pnl-1' }).allowed).toBe(
      true,
    );
  });

  it('lets anyone call a public row, and no one a row that names nobody', () => {
    expect(isPublic('health.read')).toBe(true);
    expect(isPublic('metrics.read')).toBe(false);
    expect(authorize(actor('trainee'), 'ledger.public.read').allowed).toBe(true);
    expect(authorize(actor('trust-auditor'), 'metrics.read').allowed).toBe(false);
  });

  it('refuses a role the policy never mentions, with a reason', () => {
    const decision = authorize(actor('trust-auditor'), 'LogCase');
    expect(decision).toEqual({ allowed: false, reason: expect.stringContaining('trust-auditor') });
  });
});
