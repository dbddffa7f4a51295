import { COMMAND_ROLES, type CommandType } from '@inr/domain';
import type { Actor } from './actor';
import { authorize, POLICY, readScope } from './authorize';

const actor = (role: Actor['role'], subject = 'u-1', institutionId = 'rvi'): Actor => ({
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
    expect(authorize(actor('trainee', 'trn-1'), 'LogCase', { traineeId: 'trn-1' }).allowed).toBe(
      true,
    );
    expect(authorize(actor('trainee', 'trn-1'), 'LogCase', { traineeId: 'trn-2' }).allowed).toBe(
      false,
    );
  });

  it('lets a supervisor sign only cases naming them at an institution they are accredited for', () => {
    const sup = actor('supervisor', 'sup-1');
    expect(
      authorize(sup, 'SignOffCase', {
        supervisorId: 'sup-1',
        institutionIds: ['rvi'],
        actorAccreditedAt: ['rvi'],
      }).allowed,
    ).toBe(true);
    expect(
      authorize(sup, 'SignOffCase', {
        supervisorId: 'sup-2',
        institutionIds: ['rvi'],
        actorAccreditedAt: ['rvi'],
      }).allowed,
    ).toBe(false);
    expect(
      authorize(sup, 'SignOffCase', {
        supervisorId: 'sup-1',
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

  it('refuses a role the policy never mentions, with a reason', () => {
    const decision = authorize(actor('trust-auditor'), 'LogCase');
    expect(decision).toEqual({ allowed: false, reason: expect.stringContaining('trust-auditor') });
  });
});
