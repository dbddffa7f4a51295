import type { CaseLogged, CoilingDetails, ThrombectomyDetails } from '../events';
import { caseLogged } from '../testing/fixtures';
import { asTrainee, logCase, logged, spec } from './case.spec-fixtures';
import { casePlausibilityFindings } from './case-plausibility';

const mt = logged.data.details as ThrombectomyDetails;
const withMt = (details: Partial<ThrombectomyDetails>): Partial<CaseLogged> => ({
  details: { ...mt, ...details },
});
const times = (t: ThrombectomyDetails['times']) => withMt({ times: t });
const coiling = (details: Partial<CoilingDetails>): Partial<CaseLogged> => ({
  procedure: 'aneurysm-coiling',
  details: {
    procedure: 'aneurysm-coiling',
    ruptured: false,
    location: 'basilar tip',
    sizeMm: 7,
    wideNeck: false,
    technique: 'simple',
    raymondRoy: 'I',
    complications: [],
    ...details,
  },
});

describe('a logged case is clinically possible', () => {
  describe('operator role matches the supervision level', () => {
    it.each([
      ['observer', 4],
      ['observer', 2],
      ['assistant', 5],
      ['assistant', 1],
      ['primary-supervised', 1],
      ['primary-supervised', 4],
      ['primary-independent', 3],
    ] as const)('a %s at level %i is refused', (operatorRole, supervisionLevel) => {
      spec
        .given()
        .when(logCase({ operatorRole, supervisionLevel }), asTrainee)
        .thenFails('OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION');
    });

    it.each([
      ['observer', 1],
      ['assistant', 2],
      ['assistant', 3],
      ['primary-supervised', 3],
      ['primary-independent', 5],
    ] as const)('a %s at level %i is logged', (operatorRole, supervisionLevel) => {
      spec
        .given()
        .when(logCase({ operatorRole, supervisionLevel }), asTrainee)
        .then([caseLogged({ operatorRole, supervisionLevel })]);
    });
  });

  it('the same complication cannot be listed twice', () => {
    spec
      .given()
      .when(logCase(withMt({ complications: ['dissection', 'dissection'] })), asTrainee)
      .thenFails('DUPLICATE_COMPLICATION');
    spec
      .given()
      .when(
        logCase({
          procedure: 'diagnostic-angiography',
          details: {
            procedure: 'diagnostic-angiography',
            indication: 'aneurysm follow-up',
            consentObtained: true,
            diagnosticSuccess: true,
            neurologicalComplication: 'none',
            accessSiteComplications: ['haematoma', 'haematoma'],
          },
        }),
        asTrainee,
      )
      .thenFails('DUPLICATE_COMPLICATION');
  });

  describe('the final eTICI agrees with the passes', () => {
    it('final eTICI 3 after a single pass graded 0 is refused', () => {
      spec
        .given()
        .when(logCase(withMt({ eticiByPass: ['0'], finalEtici: '3' })), asTrainee)
        .thenFails('FINAL_ETICI_INCONSISTENT_WITH_PASSES');
    });

    it('a final grade as good as the best pass, or worse (re-occlusion), is logged', () => {
      const best = withMt({ eticiByPass: ['1', '2c', '2b50'], finalEtici: '2c' });
      spec
        .given()
        .when(logCase(best), asTrainee)
        .then([caseLogged(best)]);
      const reoccluded = withMt({ eticiByPass: ['2b67'], finalEtici: '2a' });
      spec
        .given()
        .when(logCase(reoccluded), asTrainee)
        .then([caseLogged(reoccluded)]);
    });

    it('rescue stenting after the passes may improve the final grade', () => {
      const rescued = withMt({ eticiByPass: ['1'], finalEtici: '2b67', rescueStenting: true });
      spec
        .given()
        .when(logCase(rescued), asTrainee)
        .then([caseLogged(rescued)]);
    });
  });

  describe('times are in order and near the procedure date', () => {
    it('groin puncture before arrival is refused', () => {
      spec
        .given()
        .when(
          logCase(times({ arrival: '2026-02-14T10:30', groinPuncture: '2026-02-14T10:00' })),
          asTrainee,
        )
        .thenFails('CASE_TIMES_OUT_OF_ORDER');
    });

    it('reperfusion before groin puncture and first device is refused', () => {
      spec
        .given()
        .when(
          logCase(
            times({
              arrival: '2026-02-14T10:00',
              groinPuncture: '2026-02-14T10:40',
              firstDevice: '2026-02-14T10:55',
              reperfusion: '2026-02-14T10:20',
            }),
          ),
          asTrainee,
        )
        .thenFails('CASE_TIMES_OUT_OF_ORDER');
    });

    it('onset after arrival is refused', () => {
      spec
        .given()
        .when(
          logCase(times({ onsetOrLastKnownWell: '2026-02-14T11:00', arrival: '2026-02-14T10:00' })),
          asTrainee,
        )
        .thenFails('CASE_TIMES_OUT_OF_ORDER');
    });

    it('an arrival a year before the procedure date is refused', () => {
      spec
        .given()
        .when(logCase(times({ arrival: '2025-02-14T10:00' })), asTrainee)
        .thenFails('CASE_TIME_IMPLAUSIBLE');
    });

    it('a night case may start the day before and end the day after the procedure date', () => {
      const overnight = times({
        onsetOrLastKnownWell: '2026-02-12T20:00',
        arrival: '2026-02-13T23:10',
        groinPuncture: '2026-02-14T00:05',
        firstDevice: '2026-02-14T00:20',
        reperfusion: '2026-02-14T00:41',
      });
      spec
        .given()
        .when(logCase(overnight), asTrainee)
        .then([caseLogged(overnight)]);
    });

    it('an onset more than three days before the procedure is refused', () => {
      spec
        .given()
        .when(logCase(times({ onsetOrLastKnownWell: '2026-02-10T23:59' })), asTrainee)
        .thenFails('CASE_TIME_IMPLAUSIBLE');
    });

    it('a time that is not a real local date-time is refused', () => {
      spec
        .given()
        .when(logCase(times({ arrival: '2026-02-14T25:00' })), asTrainee)
        .thenFails('INVALID_DATE');
    });

    it('a reperfusion time needs reperfusion, and a first-device time a pass', () => {
      spec
        .given()
        .when(
          logCase(
            withMt({
              eticiByPass: ['1'],
              finalEtici: '1',
              times: { groinPuncture: '2026-02-14T10:00', reperfusion: '2026-02-14T10:40' },
            }),
          ),
          asTrainee,
        )
        .thenFails('CASE_TIMES_INCONSISTENT');
      spec
        .given()
        .when(
          logCase(
            withMt({
              eticiByPass: [],
              finalEtici: '0',
              times: { groinPuncture: '2026-02-14T10:00', firstDevice: '2026-02-14T10:20' },
            }),
          ),
          asTrainee,
        )
        .thenFails('CASE_TIMES_INCONSISTENT');
    });

    it('an amendment cannot make the times impossible', () => {
      spec
        .given([logged])
        .when(
          {
            type: 'AmendCase',
            caseId: 'case-1',
            changes: withMt({
              times: { arrival: '2026-02-14T11:00', groinPuncture: '2026-02-14T10:00' },
            }),
            reason: 'times corrected',
          },
          asTrainee,
        )
        .thenFails('CASE_TIMES_OUT_OF_ORDER');
    });
  });

  describe('occlusion is graded on a scale that fits the technique', () => {
    it('flow diversion is not graded with Raymond–Roy', () => {
      spec
        .given()
        .when(logCase(coiling({ technique: 'flow-diversion', raymondRoy: 'I' })), asTrainee)
        .thenFails('OCCLUSION_SCALE_INCONSISTENT_WITH_TECHNIQUE');
    });

    it('flow diversion is graded with O’Kelly–Marotta or at follow-up', () => {
      const okm = coiling({ technique: 'flow-diversion', raymondRoy: undefined, okmGrade: 'B2' });
      spec
        .given()
        .when(logCase(okm), asTrainee)
        .then([caseLogged(okm)]);
      const followUp = coiling({
        technique: 'flow-diversion',
        raymondRoy: undefined,
        occlusionGradedAtFollowUp: true,
      });
      spec
        .given()
        .when(logCase(followUp), asTrainee)
        .then([caseLogged(followUp)]);
      spec
        .given()
        .when(logCase(coiling({ technique: 'flow-diversion', raymondRoy: undefined })), asTrainee)
        .thenFails('OCCLUSION_SCALE_INCONSISTENT_WITH_TECHNIQUE');
    });

    it('coiling is graded with Raymond–Roy, not OKM', () => {
      spec
        .given()
        .when(logCase(coiling({ technique: 'stent-assisted', raymondRoy: undefined })), asTrainee)
        .thenFails('OCCLUSION_SCALE_INCONSISTENT_WITH_TECHNIQUE');
      spec
        .given()
        .when(logCase(coiling({ okmGrade: 'D' })), asTrainee)
        .thenFails('OCCLUSION_SCALE_INCONSISTENT_WITH_TECHNIQUE');
      const coiled = coiling({ technique: 'balloon-assisted', raymondRoy: 'II' });
      spec
        .given()
        .when(logCase(coiled), asTrainee)
        .then([caseLogged(coiled)]);
    });
  });

  it('an older record is reported against every rule it breaks, one finding per rule', () => {
    const old = caseLogged({
      operatorRole: 'observer',
      supervisionLevel: 4,
      ...withMt({
        eticiByPass: ['0'],
        finalEtici: '3',
        complications: ['dissection', 'dissection'],
      }),
    }).data;
    expect(casePlausibilityFindings(old).map((f) => f.code)).toEqual([
      'OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION',
      'DUPLICATE_COMPLICATION',
      'FINAL_ETICI_INCONSISTENT_WITH_PASSES',
    ]);
    expect(casePlausibilityFindings(logged.data)).toEqual([]);
  });
});
