import { CLINICAL_TEXT, OBFUSCATED_IDENTIFIERS } from '@inr/domain/testing';
import { LedgerRuntime } from '@inr/ledger-api';
import { accreditation, enrolment, RVI, thrombectomyCase } from './support/fixtures';
import { call, startTestApp, type TestApp } from './support/test-app';

// Issue 11, the input findings: each test sends the attack as it was reproduced and shows it
// refused with a 4xx problem and nothing written.
describe('write integrity: input', () => {
  let t: TestApp;
  let trainee = '';

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.token('admin', 'adm-1', RVI);
    await call(t.app, 'POST', '/v1/trainees', enrolment('trn-kim'), { token: admin });
    await call(t.app, 'POST', '/v1/supervisors/sup-ann/accreditations', accreditation(), {
      token: admin,
    });
    trainee = await t.token('trainee', 'trn-kim', RVI);
  });
  afterAll(() => t.close());

  /** POSTs a case body given as raw JSON text (escapes exactly as an attacker would send them). */
  const postCase = (text: string): ReturnType<typeof call> =>
    call(t.app, 'POST', '/v1/cases', text, { token: trainee });
  const caseText = (overrides: Record<string, unknown> = {}): string =>
    JSON.stringify(
      thrombectomyCase({ localRef: `MT-${Math.random().toString(36).slice(2)}`, ...overrides }),
    );

  describe('finding 1: one request with a lone surrogate stopped the signed log', () => {
    it.each([
      ['escaped, in notes', (s: string) => s.replace('"Uneventful', '"\\ud800Uneventful')],
      ['escaped low half, in a nested field', (s: string) => s.replace('"M1"', '"M1\\udc00"')],
      ['escaped, in an extra key', (s: string) => s.replace('{', '{"\\ud83d":1,')],
    ])(
      'refuses a lone surrogate %s with 400 INVALID_UNICODE and writes nothing',
      async (_l, edit) => {
        const before = await t.store.count();
        const res = await postCase(edit(caseText()));
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body['code']).toBe('INVALID_UNICODE');
        expect(await t.store.count()).toBe(before);
      },
    );

    it('refuses a raw (UTF-8 encoded) surrogate, which is not UTF-8, and writes nothing', async () => {
      const before = await t.store.count();
      const [head, tail] = caseText().split('Uneventful') as [string, string];
      const body = Buffer.concat([
        Buffer.from(head),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from(tail),
      ]);
      const res = await call(t.app, 'POST', '/v1/cases', body, { token: trainee });
      expect(res.status).toBe(400);
      expect(res.body['code']).toBe('INVALID_UNICODE');
      expect(await t.store.count()).toBe(before);
    });

    it('keeps signing checkpoints after the attempts: the log is not stopped', async () => {
      const ok = await postCase(caseText());
      expect(ok.status).toBe(201);
      const checkpoint = await t.app.get(LedgerRuntime).flush();
      expect(checkpoint?.size).toBe(await t.store.count());
    });
  });

  describe('finding 6: 28 ways past the patient-identifier guard', () => {
    it.each(OBFUSCATED_IDENTIFIERS)(
      'refuses %s in a case note with 422 and writes nothing',
      async (_label, text) => {
        const before = await t.store.count();
        const res = await postCase(caseText({ notes: `Uneventful. ${text}` }));
        expect(res.status).toBe(422);
        expect(res.body['code']).toBe('PATIENT_IDENTIFIER_REJECTED');
        expect(res.text).not.toContain(text);
        expect(await t.store.count()).toBe(before);
      },
    );

    it.each(['943.476.5919', '943/476/5919', 'NHS9434765919', '94-34-76-59-19'])(
      'refuses the number %s as a localRef',
      async (localRef) => {
        const before = await t.store.count();
        const res = await postCase(caseText({ localRef }));
        expect(res.status).toBe(422);
        expect(res.body['code']).toBe('PATIENT_IDENTIFIER_REJECTED');
        expect(await t.store.count()).toBe(before);
      },
    );

    it('still takes clinically ordinary notes', async () => {
      for (const notes of CLINICAL_TEXT) {
        const res = await postCase(caseText({ notes }));
        expect([res.status, notes]).toEqual([201, notes]);
      }
    });
  });

  describe('finding 12: a number outside the double range answered 500', () => {
    it.each(['1e-320', '1e400', '-1e400', '4.9e-324'])(
      'refuses %s with 400 NUMBER_OUT_OF_RANGE and writes nothing',
      async (n) => {
        const before = await t.store.count();
        for (const text of [
          caseText().replace('"supervisionLevel":2', `"supervisionLevel":${n}`),
          caseText().replace('"complications":[]', `"complications":[],"n":${n}`),
        ]) {
          const res = await postCase(text);
          expect(res.status).toBe(400);
          expect(res.body['code']).toBe('NUMBER_OUT_OF_RANGE');
        }
        expect(await t.store.count()).toBe(before);
      },
    );
  });
});
