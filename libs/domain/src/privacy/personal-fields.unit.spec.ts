import { CURRENT_SCHEMA_VERSION } from '../schema/schema-versions';
import { PERSONAL_DATA, personalDataOf } from './personal-fields';
import type { DomainEventType } from '../events';

const catalogue = Object.keys(CURRENT_SCHEMA_VERSION) as DomainEventType[];

describe('personal-data inventory', () => {
  it.each(catalogue)(
    'classifies %s (add an entry to PERSONAL_DATA for a new event type)',
    (type) => {
      expect(Object.keys(PERSONAL_DATA)).toContain(type);
    },
  );

  it('lists no event type the catalogue does not know', () => {
    expect(Object.keys(PERSONAL_DATA).sort()).toEqual([...catalogue].sort());
  });

  it('names a subject for every event that has personal fields, and none for one that has none', () => {
    for (const type of catalogue) {
      const entry = personalDataOf(type);
      expect([type, entry.fields.length > 0]).toEqual([type, entry.subject !== 'none']);
    }
  });

  it('keeps the ids a decision is evaluated on in clear', () => {
    const encrypted = catalogue.flatMap((type) =>
      personalDataOf(type).fields.map((f) => `${type}.${f.path}`),
    );
    for (const clear of [
      'CaseLogged.traineeId',
      'CaseLogged.supervisorId',
      'CaseSignedOff.supervisorId',
      'CompetencySignedOff.signerId',
      'CredentialDecisionRecorded.evaluation',
    ])
      expect(encrypted).not.toContain(clear);
  });

  it('encrypts free text and GMC numbers', () => {
    expect(personalDataOf('CaseLogged').fields.map((f) => f.path)).toContain('notes');
    expect(personalDataOf('SupervisorAccredited').fields).toEqual([
      { path: 'gmcNumber', kind: 'registration-number' },
    ]);
  });
});
