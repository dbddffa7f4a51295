import type { JsonObject } from '@inr/domain';
import { addDays } from '../dates/iso-date';
import {
  appendEvent,
  buildHistory,
  HISTORY_START,
  logStep,
  type HistoryStep,
} from '../testing/history-steps';
import { confirmed, pathwayForTest } from '../testing/pathway-for-test';
import { evaluate } from './evaluate';
import type { Evaluation, EvaluationOptions, RequirementResult } from './evaluation';
import { EvaluationInputError } from './evaluation-input-error';

const ON = { evaluatedOn: '2026-12-31' };
const dayOf = (date: string): number => (Date.parse(date) - Date.parse(HISTORY_START)) / 86_400_000;

const signedMtCases = pathwayForTest([
  {
    id: 'mt',
    kind: 'cases',
    description: 'signed-off MT as primary operator',
    target: confirmed(2),
    filter: {
      procedures: ['mechanical-thrombectomy'],
      operatorRoles: ['primary-supervised', 'primary-independent'],
      signedOff: true,
    },
  },
]);

function only(evaluation: Evaluation): RequirementResult {
  const [first] = evaluation.requirements;
  if (!first) throw new Error('no requirement');
  return first;
}

function run(
  steps: HistoryStep[],
  pathway = signedMtCases,
  options: EvaluationOptions = ON,
): RequirementResult {
  return only(evaluate(pathway, 'trainee-a', buildHistory(steps), options));
}

describe('evaluate: folding case state', () => {
  it('counts a signed-off matching case and cites its CaseLogged event', () => {
    const result = run([logStep(), { kind: 'sign', caseRef: 0 }]);
    expect(result).toMatchObject({
      target: 2,
      achieved: 1,
      met: false,
      countedEventIds: ['e-3'],
      supportingEventIds: ['e-4'],
    });
  });

  it('applies amendments: a case corrected to primary operator counts', () => {
    const result = run([
      logStep({ operatorRole: 'assistant' }),
      {
        kind: 'amend',
        caseRef: 0,
        operatorRole: 'primary-independent',
        supervisionLevel: null,
        day: null,
      },
      { kind: 'sign', caseRef: 0 },
    ]);
    expect(result.countedEventIds).toEqual(['e-3']);
    expect(result.supportingEventIds).toEqual(['e-4', 'e-5']);
  });

  it('an amendment that withdraws the sign-off removes it until the case is signed again', () => {
    const amended: HistoryStep[] = [
      logStep(),
      { kind: 'sign', caseRef: 0 },
      { kind: 'amend', caseRef: 0, operatorRole: null, supervisionLevel: 3, day: null },
    ];
    expect(run(amended).achieved).toBe(0);
    expect(run([...amended, { kind: 'sign', caseRef: 0 }]).achieved).toBe(1);
  });

  it('a retracted case never counts, even if signed afterwards', () => {
    const result = run([
      logStep(),
      { kind: 'sign', caseRef: 0 },
      { kind: 'retract', caseRef: 0 },
      { kind: 'sign', caseRef: 0 },
    ]);
    expect(result.achieved).toBe(0);
    expect(result.countedEventIds).toEqual([]);
  });

  it('a disputed sign-off does not count, with or without a sign-off filter, until signed again', () => {
    const anyCase = pathwayForTest([
      { id: 'any', kind: 'cases', description: 'd', target: confirmed(1), filter: {} },
    ]);
    const disputed: HistoryStep[] = [
      logStep(),
      { kind: 'sign', caseRef: 0 },
      { kind: 'dispute', caseRef: 0 },
    ];
    expect(run(disputed).achieved).toBe(0);
    expect(run(disputed, anyCase).achieved).toBe(0);
    expect(run([...disputed, { kind: 'sign', caseRef: 0 }]).achieved).toBe(1);
  });

  it("ignores another trainee's cases and sign-offs", () => {
    const result = run([logStep({ trainee: 1 }), { kind: 'sign', caseRef: 0 }]);
    expect(result.achieved).toBe(0);
  });

  it('ignores event types it does not use', () => {
    const history = appendEvent(
      buildHistory([logStep(), { kind: 'sign', caseRef: 0 }]),
      'SubjectDataErased',
      {
        subjectId: 'trainee-a',
        erasedOn: '2026-12-01',
        reason: 'request',
      },
    );
    expect(only(evaluate(signedMtCases, 'trainee-a', history, ON)).achieved).toBe(1);
  });

  it('counts an event id once even if the input repeats it', () => {
    const history = buildHistory([logStep(), { kind: 'sign', caseRef: 0 }]);
    const doubled = [...history, ...history.filter((e) => e.type === 'CaseLogged')];
    expect(only(evaluate(signedMtCases, 'trainee-a', doubled, ON)).achieved).toBe(1);
  });
});

describe('evaluate: case filters and windows', () => {
  const filtered = (filter: Record<string, unknown>): ReturnType<typeof pathwayForTest> =>
    pathwayForTest([{ id: 'r', kind: 'cases', description: 'd', target: confirmed(1), filter }]);

  it('filters by minimum supervision level, institution and ruptured aneurysm', () => {
    const steps = [
      logStep({ supervisionLevel: 2 }),
      logStep({ supervisionLevel: 4, institution: 1 }),
      logStep({ procedure: 'aneurysm-coiling', ruptured: true }),
      logStep({ procedure: 'aneurysm-coiling', ruptured: false }),
    ];
    expect(run(steps, filtered({ minSupervisionLevel: 3 })).countedEventIds).toEqual(['e-4']);
    expect(run(steps, filtered({ institutionIds: ['inst-north'] })).countedEventIds).toEqual([
      'e-4',
    ]);
    expect(run(steps, filtered({ ruptured: true })).countedEventIds).toEqual(['e-5']);
    expect(run(steps, filtered({ signedOff: false })).achieved).toBe(4);
  });

  it('leaves out cases performed after performedBy, and rolls windows back from it', () => {
    const steps = [
      logStep({ day: dayOf('2025-03-03') }),
      logStep({ day: dayOf('2025-03-04') }),
      logStep({ day: dayOf('2026-03-04') }),
    ];
    const all = filtered({});
    const byMarch = { evaluatedOn: '2026-12-31', performedBy: '2026-03-03' };
    expect(run(steps, all, byMarch).achieved).toBe(2);
    const lastYear = pathwayForTest([
      {
        id: 'r',
        kind: 'cases',
        description: 'd',
        target: confirmed(1),
        filter: { window: { lastMonths: confirmed(12) } },
      },
    ]);
    // 12 months ending 3 Mar 2026: after 3 Mar 2025, up to and including 3 Mar 2026.
    expect(run(steps, lastYear, byMarch).countedEventIds).toEqual(['e-4']);
  });

  it('applies a fixed from/to window inclusively', () => {
    const steps = [
      logStep({ day: dayOf('2025-01-01') }),
      logStep({ day: dayOf('2025-06-30') }),
      logStep({ day: dayOf('2025-07-01') }),
    ];
    expect(
      run(steps, filtered({ window: { from: '2025-01-01', to: '2025-06-30' } })).countedEventIds,
    ).toEqual(['e-3', 'e-4']);
  });
});

describe('evaluate: other requirement kinds', () => {
  it('counts assessments of the type, outcome and procedure asked for', () => {
    const pathway = pathwayForTest([
      {
        id: 'dops',
        kind: 'assessments',
        description: 'd',
        type: 'Rad-DOPS',
        outcome: 'satisfactory',
        procedure: 'mechanical-thrombectomy',
        target: confirmed(2),
      },
    ]);
    const result = run(
      [
        {
          kind: 'assess',
          trainee: 0,
          type: 'Rad-DOPS',
          outcome: 'satisfactory',
          procedure: 'mechanical-thrombectomy',
          day: 10,
        },
        {
          kind: 'assess',
          trainee: 0,
          type: 'Rad-DOPS',
          outcome: 'unsatisfactory',
          procedure: 'mechanical-thrombectomy',
          day: 11,
        },
        {
          kind: 'assess',
          trainee: 0,
          type: 'Rad-DOPS',
          outcome: 'satisfactory',
          procedure: 'aneurysm-coiling',
          day: 12,
        },
        {
          kind: 'assess',
          trainee: 0,
          type: 'CbD',
          outcome: 'satisfactory',
          procedure: 'mechanical-thrombectomy',
          day: 13,
        },
        {
          kind: 'assess',
          trainee: 1,
          type: 'Rad-DOPS',
          outcome: 'satisfactory',
          procedure: 'mechanical-thrombectomy',
          day: 14,
        },
      ],
      pathway,
    );
    expect(result).toMatchObject({ achieved: 1, met: false, countedEventIds: ['e-3'] });
  });

  it('counts distinct signers of the kinds asked for, each person once', () => {
    const pathway = pathwayForTest([
      {
        id: 's',
        kind: 'distinct-signers',
        description: 'd',
        competencyId: 'mt-technical-skills',
        signerKinds: ['INR'],
        count: confirmed(2),
      },
    ]);
    const sign = (signer: number, signerKind: 'INR' | 'IR', competency = 0): HistoryStep => ({
      kind: 'competency',
      trainee: 0,
      competency,
      signer,
      signerKind,
      institution: 0,
      day: 100,
    });
    expect(
      run([sign(0, 'INR'), sign(0, 'INR'), sign(1, 'IR'), sign(2, 'INR', 1)], pathway),
    ).toMatchObject({
      achieved: 1,
      met: false,
      countedEventIds: ['e-3'],
    });
    expect(run([sign(0, 'INR'), sign(3, 'INR')], pathway)).toMatchObject({
      achieved: 2,
      met: true,
    });
  });

  describe('dual sign-off (RCR/BSIR/BSNR/UKNG 2020)', () => {
    const pathway = pathwayForTest([
      { id: 'final', kind: 'dual-signoff', description: 'd', competencyId: 'mt-final-sign-off' },
    ]);
    const sign = (
      signer: number,
      signerKind: 'INR' | 'medical-director',
      institution = 0,
    ): HistoryStep => ({
      kind: 'competency',
      trainee: 0,
      competency: 2,
      signer,
      signerKind,
      institution,
      day: 100,
    });

    it('is met by one INR and the medical director of the principal training hospital', () => {
      expect(run([sign(0, 'INR'), sign(1, 'medical-director')], pathway)).toMatchObject({
        target: 2,
        achieved: 2,
        met: true,
        countedEventIds: ['e-3', 'e-4'],
      });
    });

    it('is not met by two INRs, nor by a medical director of another hospital', () => {
      expect(run([sign(0, 'INR'), sign(1, 'INR')], pathway)).toMatchObject({
        achieved: 1,
        met: false,
      });
      expect(run([sign(0, 'INR'), sign(1, 'medical-director', 1)], pathway)).toMatchObject({
        achieved: 1,
        met: false,
      });
    });

    it('needs two different people', () => {
      expect(run([sign(0, 'INR'), sign(0, 'medical-director')], pathway)).toMatchObject({
        achieved: 1,
        met: false,
      });
    });

    it('follows a transfer before signing, and survives one after', () => {
      const moved: HistoryStep = { kind: 'transfer', trainee: 0, institution: 1 };
      expect(run([moved, sign(0, 'INR'), sign(1, 'medical-director', 1)], pathway).met).toBe(true);
      expect(run([sign(0, 'INR'), sign(1, 'medical-director', 0), moved], pathway).met).toBe(true);
      expect(run([moved, sign(0, 'INR'), sign(1, 'medical-director', 0)], pathway).met).toBe(false);
    });
  });

  it('adds recognised training time in the settings asked for, from periods ended by the as-of date', () => {
    const pathway = pathwayForTest([
      {
        id: 't',
        kind: 'training-time',
        description: 'd',
        settings: ['diagnostic-neuroradiology', 'neurointerventional-unit'],
        months: confirmed(24),
      },
    ]);
    const steps: HistoryStep[] = [
      { kind: 'time', trainee: 0, setting: 'diagnostic-neuroradiology', months: 12, day: 400 },
      { kind: 'time', trainee: 0, setting: 'neurointerventional-unit', months: 2.5, day: 500 },
      { kind: 'time', trainee: 0, setting: 'clinical-neurosciences', months: 12, day: 600 },
      { kind: 'time', trainee: 0, setting: 'neurointerventional-unit', months: 12, day: 1200 },
    ];
    expect(run(steps, pathway)).toMatchObject({ achieved: 26.5, met: true });
    expect(
      run(steps, pathway, { evaluatedOn: '2026-12-31', performedBy: addDays(HISTORY_START, 1199) }),
    ).toMatchObject({
      achieved: 14.5,
      met: false,
      countedEventIds: ['e-3', 'e-4'],
    });
  });

  it('counts overlapping recognised periods once: the same six months recognised twice is six months', () => {
    const pathway = pathwayForTest([
      { id: 't', kind: 'training-time', description: 'd', months: confirmed(12) },
    ]);
    const sixMonths: HistoryStep = {
      kind: 'time',
      trainee: 0,
      setting: 'diagnostic-neuroradiology',
      months: 6,
      day: 400,
    };
    expect(run([sixMonths, sixMonths], pathway)).toMatchObject({
      achieved: 6,
      met: false,
      countedEventIds: ['e-3'],
    });
    // The same period recognised in another setting is still the same time.
    expect(
      run([sixMonths, { ...sixMonths, setting: 'neurointerventional-unit' }], pathway),
    ).toMatchObject({ achieved: 6 });
    // Half overlapping: the union (271 days) at the periods' own rate of 6 months per 181 days.
    const later: HistoryStep = { ...sixMonths, day: 490 };
    const union = run([sixMonths, later], pathway);
    expect(union.countedEventIds).toEqual(['e-3', 'e-4']);
    expect(union.achieved).toBeCloseTo((271 * 6) / 181, 2);
  });

  it('adds rota shifts', () => {
    const pathway = pathwayForTest([
      { id: 'r', kind: 'rota', description: 'd', minShifts: confirmed(5) },
    ]);
    const result = run(
      [
        { kind: 'rota', trainee: 0, day: 100, shifts: 3 },
        { kind: 'rota', trainee: 0, day: 200, shifts: 2 },
        { kind: 'rota', trainee: 1, day: 200, shifts: 9 },
      ],
      pathway,
    );
    expect(result).toMatchObject({ achieved: 5, met: true, countedEventIds: ['e-3', 'e-4'] });
  });

  describe('maintenance (15 in 12 months or 30 in 24)', () => {
    const pathway = pathwayForTest([
      {
        id: 'm',
        kind: 'maintenance',
        description: 'd',
        filter: { procedures: ['mechanical-thrombectomy'] },
        alternatives: [
          { count: confirmed(15), months: confirmed(12) },
          { count: confirmed(30), months: confirmed(24) },
        ],
      },
    ]);
    const on = { evaluatedOn: '2026-12-31' };
    const cases = (n: number, date: string, institution = 0): HistoryStep[] =>
      Array.from({ length: n }, () => logStep({ day: dayOf(date), institution }));

    it('is met by the second alternative when the first is not, counting cases at other hospitals', () => {
      const result = run(
        [...cases(10, '2026-06-01', 1), ...cases(20, '2025-06-01', 2)],
        pathway,
        on,
      );
      expect(result).toMatchObject({ target: 30, achieved: 30, met: true });
      expect(result.alternatives).toEqual([
        { target: 15, windowMonths: 12, achieved: 10, met: false },
        { target: 30, windowMonths: 24, achieved: 30, met: true },
      ]);
    });

    it('reports the first alternative when none is met', () => {
      const result = run(cases(14, '2026-06-01'), pathway, on);
      expect(result).toMatchObject({ target: 15, achieved: 14, met: false });
      expect(result.countedEventIds).toHaveLength(14);
    });
  });
});

describe('evaluate: output', () => {
  it('names the unconfirmed parameters a result relies on', () => {
    const pathway = pathwayForTest(
      [
        {
          id: 'r',
          kind: 'cases',
          description: 'd',
          target: 'mtCases',
          filter: { window: { lastMonths: 'months' } },
        },
      ],
      {
        mtCases: { value: 3, confirmed: false },
        months: { value: 12, confirmed: true, source: 's' },
      },
    );
    expect(run([], pathway).unconfirmedParameters).toEqual(['mtCases']);
  });

  it('is met only when every requirement is met, and is a JSON object', () => {
    const evaluation = evaluate(
      signedMtCases,
      'trainee-a',
      buildHistory([
        logStep(),
        logStep(),
        { kind: 'sign', caseRef: 0 },
        { kind: 'sign', caseRef: 1 },
      ]),
      ON,
    );
    const json: JsonObject = evaluation;
    expect(JSON.parse(JSON.stringify(json))).toEqual(evaluation);
    expect(evaluation).toMatchObject({
      pathwayId: 'test-pathway',
      pathwayVersion: '1.0.0',
      traineeId: 'trainee-a',
      evaluatedOn: '2026-12-31',
      performedBy: '2026-12-31',
      met: true,
    });
  });

  it('rejects malformed option dates with a stable code', () => {
    expect(() => evaluate(signedMtCases, 'trainee-a', [], { evaluatedOn: '31/12/2026' })).toThrow(
      expect.objectContaining({ code: 'INVALID_EVALUATED_ON' }),
    );
    expect(() =>
      evaluate(signedMtCases, 'trainee-a', [], {
        evaluatedOn: '2026-12-31',
        performedBy: '2026-02-30',
      }),
    ).toThrow(EvaluationInputError);
  });
});
