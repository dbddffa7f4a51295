import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '@inr/event-store/testing';
import {
  addYears,
  ERASED_VALUE,
  PERSONAL_DATA_KEYS_FILE,
  PersonalData,
  PersonalDataKeys,
  recordErasure,
  retentionReport,
  SubjectErasedError,
  UNAVAILABLE_VALUE,
} from '../src';

const DPO = { role: 'data-protection' as const, subject: 'retention', institutionId: 'rvi' };

describe('personal data keys, sealing and retention', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inr-pd-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('seals the inventory fields only, opens them, and shows them erased once the key is gone', () => {
    const personal = new PersonalData(new PersonalDataKeys(dir));
    const data = { caseId: 'c1', traineeId: 'trn-1', notes: 'secret note', localRef: 'LR-1' };
    const sealed = personal.seal('CaseLogged', data, 'trn-1');
    expect(sealed['caseId']).toBe('c1');
    expect(sealed['notes']).toMatch(/^enc:pd1:/);
    expect(sealed['notes']).not.toBe(personal.seal('CaseLogged', data, 'trn-1')['notes']);
    expect(personal.reveal(sealed)).toEqual(data);
    expect(statSync(join(dir, PERSONAL_DATA_KEYS_FILE)).mode & 0o777).toBe(0o600);

    // Another process (a second instance over the same file) sees the erasure.
    new PersonalDataKeys(dir).erase('trn-1', '2026-12-01');
    const fresh = new PersonalData(new PersonalDataKeys(dir));
    expect(fresh.reveal(sealed)['notes']).toBe(ERASED_VALUE);
    expect(() => fresh.seal('CaseLogged', data, 'trn-1')).toThrow(SubjectErasedError);
    expect(readFileSync(join(dir, PERSONAL_DATA_KEYS_FILE), 'utf8')).not.toContain('"trn-1": {');
  });

  it("a value sealed for one person does not open as another's", () => {
    const personal = new PersonalData(new PersonalDataKeys(dir));
    const sealed = String(personal.seal('CaseLogged', { notes: 'x' }, 'trn-1')['notes']);
    personal.keys.keyFor('trn-2');
    const [, , , iv, body] = sealed.split(':');
    const forged = `enc:pd1:${Buffer.from('trn-2').toString('base64url')}:${iv}:${body}`;
    expect(personal.open(forged)).toBe(UNAVAILABLE_VALUE);
  });

  it('lists people past their rule and erases them through the decider', async () => {
    const store = new InMemoryEventStore();
    const keys = new PersonalDataKeys(dir);
    const personal = new PersonalData(keys);
    await store.append('trainee-trn-old', [
      {
        id: randomUUID(),
        type: 'TraineeEnrolled',
        data: {
          traineeId: 'trn-old',
          institutionId: 'rvi',
          specialty: 'neurology',
          stage: 'ST5',
          enrolledOn: '2020-01-01',
          pathwayIds: [],
        },
      },
    ]);
    await store.append('supervisor-sup-1', [
      {
        id: randomUUID(),
        type: 'SupervisorAccredited',
        data: personal.seal(
          'SupervisorAccredited',
          {
            supervisorId: 'sup-1',
            gmcNumber: '7012345',
            kind: 'INR',
            institutionIds: ['rvi'],
            procedures: ['mechanical-thrombectomy'],
            validFrom: '2020-01-01',
          },
          'sup-1',
        ) as never,
      },
    ]);
    keys.keyFor('trn-old');
    const today = new Date().toISOString().slice(0, 10);
    const later = addYears(today, 7);
    const rules = { traineeYears: 6, supervisorYears: 0 };
    expect((await retentionReport(store, keys, rules, today)).due).toEqual([]);
    const report = await retentionReport(store, keys, rules, later);
    expect(report.due).toEqual([
      { subjectId: 'trn-old', kind: 'trainee', lastActivity: today, dueOn: addYears(today, 6) },
    ]);
    const command = { type: 'EraseSubject' as const, subjectId: 'trn-old', reason: 'Retention' };
    expect(await recordErasure(store, keys, command, DPO, later)).toEqual({
      erased: true,
      position: 2,
    });
    expect(keys.lookup('trn-old')).toEqual({ status: 'erased', erasedOn: later });
    expect(await recordErasure(store, keys, command, DPO, later)).toEqual({
      erased: false,
      code: 'SUBJECT_ALREADY_ERASED',
    });
    expect((await retentionReport(store, keys, rules, later)).due).toEqual([]);
  });

  it('adds years the way a calendar does', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2020-06-30', 6)).toBe('2026-06-30');
  });
});
