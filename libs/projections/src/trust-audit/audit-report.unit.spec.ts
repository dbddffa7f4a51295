import type { ProcedureOutcome } from '@inr/domain';
import { evolveCaseRecord, type CaseRecord } from '../case-registry/case-fold';
import type { LedgerEvent } from '../events/ledger-event';
import { ANGIO_DETAILS, MT_DETAILS } from '../testing/ledger-builder';
import { AUDIT_CSV_HEADER, auditCsv } from './audit-csv';
import { auditReport, type AuditReport } from './audit-report';

let position = 0;
function event(type: string, data: object, recordedAt = '2025-03-01T12:00:00.000Z'): LedgerEvent {
  return {
    position: position++,
    id: `e${position}`,
    type,
    streamId: 's',
    data: data as LedgerEvent['data'],
    metadata: {},
    recordedAt,
  };
}

function logged(caseId: string, overrides: object = {}): CaseRecord {
  return evolveCaseRecord(
    undefined,
    event('CaseLogged', {
      caseId,
      traineeId: 't',
      institutionId: 'trust-a',
      procedure: 'mechanical-thrombectomy',
      performedOn: '2025-03-01',
      operatorRole: 'primary-supervised',
      supervisorId: 's',
      supervisionLevel: 2,
      localRef: 'r',
      details: MT_DETAILS,
      ...overrides,
    }),
  )!;
}
const mt = (details: object) => ({ details: { ...MT_DETAILS, ...details } });
const withOutcome = (record: CaseRecord, outcome: ProcedureOutcome): CaseRecord =>
  evolveCaseRecord(
    record,
    event('CaseOutcomeRecorded', {
      caseId: record.caseId,
      traineeId: record.traineeId,
      procedureRef: record.procedureRef,
      outcome,
    }),
  )!;
const signed = (record: CaseRecord): CaseRecord =>
  evolveCaseRecord(
    record,
    event(
      'CaseSignedOff',
      { caseId: record.caseId, supervisorId: 's', signedOn: '2025-03-04' },
      '2025-03-04T12:00:00.000Z',
    ),
  )!;

const SCOPE = { institutionId: 'trust-a', from: '2025-01-01', to: '2025-12-31', ledgerSize: 99 };
const audit = (records: CaseRecord[]) => auditReport(records, SCOPE);
const figure = (report: AuditReport, metric: string, procedure = 'mechanical-thrombectomy') =>
  report.rows.find((r) => r.procedure === procedure && r.metric === metric);

describe('trust audit: procedures, not log entries', () => {
  const primary = logged('p1', { procedureRef: 'prc-1', traineeId: 'kim' });
  const assistant = logged('p2', {
    procedureRef: 'prc-1',
    traineeId: 'lee',
    operatorRole: 'assistant',
    ...mt({ complications: ['symptomatic-ich'] }),
  });
  const observer = logged('p3', {
    procedureRef: 'prc-1',
    traineeId: 'max',
    operatorRole: 'observer',
    supervisionLevel: 1,
    ...mt({ eticiByPass: ['1'], finalEtici: '1', complications: ['symptomatic-ich'] }),
  });

  it('a procedure logged by two trainees counts once, with the primary operator its record', () => {
    const report = audit([primary, assistant]);
    expect(figure(report, 'procedures')?.count).toBe(1);
    expect(figure(report, 'logs')?.count).toBe(2);
    // The assistant's complication is not the procedure's record: sICH 0/1, not 50%.
    expect(figure(report, 'procedural-symptomatic-ich')).toMatchObject({
      count: 0,
      denominator: 1,
      value: 0,
    });
    expect(report.series.filter((s) => s.dimension === 'operator').map((s) => s.key)).toEqual(
      expect.arrayContaining(['kim', 'lee']),
    );
  });

  it('observer logs do not change outcome rates', () => {
    const without = audit([primary]);
    const withObserver = audit([primary, observer]);
    const outcomes = (r: AuditReport) =>
      r.rows
        .filter(
          (row) =>
            row.procedure === 'mechanical-thrombectomy' && !/^(logs|sign-off)/.test(row.metric),
        )
        .map((row) => [row.metric, row.count, row.denominator, row.value]);
    expect(outcomes(withObserver)).toEqual(outcomes(without));
    // A procedure only an observer logged is counted, but has no operating record to rate.
    const alone = audit([logged('o1', { operatorRole: 'observer', supervisionLevel: 1 })]);
    expect(figure(alone, 'procedures')?.count).toBe(1);
    expect(figure(alone, 'procedures-logged-by-observers-only')?.count).toBe(1);
    expect(figure(alone, 'reperfusion-success')).toMatchObject({
      denominator: 0,
      value: null,
      status: 'no-data',
    });
  });

  it('FPE is eTICI 2c/3 after a single pass; mFPE 2b50 or better: 2b67 and 3 give 50% and 100%', () => {
    const report = audit([
      logged('f1', mt({ eticiByPass: ['2b67'], finalEtici: '2b67' })),
      logged('f2', mt({ eticiByPass: ['3'], finalEtici: '3' })),
      // Two passes never count as first-pass, whatever the grade.
    ]);
    expect(figure(report, 'first-pass-effect')).toMatchObject({
      count: 1,
      denominator: 2,
      value: 50,
    });
    expect(figure(report, 'modified-first-pass-effect')).toMatchObject({
      count: 2,
      denominator: 2,
      value: 100,
    });
    const twoPass = audit([logged('f3', mt({ eticiByPass: ['2a', '3'], finalEtici: '3' }))]);
    expect(figure(twoPass, 'first-pass-effect')?.value).toBe(0);
    expect(figure(twoPass, 'reperfusion-success')?.value).toBe(100);
  });

  it('reports door-to-puncture and door-to-reperfusion against 60 and 90 minutes, onset-to-puncture too', () => {
    const timed = (id: string, arrival: string, puncture: string, reperfusion: string) =>
      logged(
        id,
        mt({
          times: {
            onsetOrLastKnownWell: '2025-03-01T08:00',
            arrival,
            groinPuncture: puncture,
            reperfusion,
          },
        }),
      );
    const report = audit([
      timed('t1', '2025-03-01T10:00', '2025-03-01T10:40', '2025-03-01T11:10'), // 40 / 70
      timed('t2', '2025-03-01T10:00', '2025-03-01T11:20', '2025-03-01T12:00'), // 80 / 120
    ]);
    expect(figure(report, 'door-to-puncture-median')).toMatchObject({
      value: 60,
      threshold: '<60',
      status: 'not-met',
    });
    expect(figure(report, 'door-to-reperfusion-median')).toMatchObject({
      count: 2,
      denominator: 2,
      value: 95,
      threshold: '<90',
      status: 'not-met',
    });
    expect(figure(report, 'door-to-reperfusion-under-90')).toMatchObject({
      count: 1,
      denominator: 2,
      value: 50,
    });
    expect(figure(report, 'onset-to-puncture-median')?.value).toBe(180);
  });

  it('an impossible interval (logged before the rule refused it) never reaches an average', () => {
    const report = audit([
      logged(
        'ok',
        mt({ times: { arrival: '2025-03-01T10:00', groinPuncture: '2025-03-01T10:30' } }),
      ),
      // Puncture a year after arrival, and puncture before arrival.
      logged(
        'bad1',
        mt({ times: { arrival: '2024-03-01T10:00', groinPuncture: '2025-03-01T10:30' } }),
      ),
      logged(
        'bad2',
        mt({ times: { arrival: '2025-03-01T20:00', groinPuncture: '2025-03-01T10:00' } }),
      ),
    ]);
    expect(figure(report, 'door-to-puncture-median')).toMatchObject({
      count: 1,
      denominator: 3,
      value: 30,
    });
    expect(figure(report, 'times-left-out-as-impossible')?.count).toBe(2);
  });

  it('follow-up outcomes of any log of the procedure merge, later values replacing earlier ones', () => {
    const report = audit([
      withOutcome(withOutcome(primary, { mrsAt90Days: 3 }), {
        sichOn24hScan: true,
        sichDefinition: 'SITS-MOST',
      }),
      withOutcome(assistant, { mrsAt90Days: 2, ivThrombolysis: true }),
      logged('x', { procedureRef: 'prc-2' }),
    ]);
    expect(figure(report, 'procedures')?.count).toBe(2);
    expect(figure(report, 'sich-on-24h-scan')).toMatchObject({ count: 1, denominator: 1 });
    expect(figure(report, 'mrs-0-2-at-90-days')).toMatchObject({ count: 1, denominator: 1 });
    expect(figure(report, 'iv-thrombolysis')).toMatchObject({
      count: 1,
      denominator: 1,
      value: 100,
    });
    expect(figure(report, 'mortality-90-days')).toMatchObject({ count: 0, denominator: 1 });
  });

  it('an outcome follow-up leaves the sign-off in place', () => {
    const record = withOutcome(signed(primary), {
      sichOn24hScan: true,
      sichDefinition: 'SITS-MOST',
    });
    expect(record.signOff).toBe('signed-off');
    expect(figure(audit([record]), 'logs-signed-off')).toMatchObject({ count: 1, denominator: 1 });
  });

  it('breaks figures down by month, operator and supervisor, each with counts and denominators', () => {
    const report = audit([
      primary,
      logged('m2', { performedOn: '2025-04-02', supervisorId: 's2' }),
    ]);
    const months = report.series.filter(
      (s) => s.dimension === 'month' && s.metric === 'procedures',
    );
    expect(months.map((s) => [s.key, s.count])).toEqual([
      ['2025-03', 1],
      ['2025-04', 1],
    ]);
    const supervisors = report.series.filter(
      (s) => s.dimension === 'supervisor' && s.metric === 'first-pass-effect',
    );
    expect(supervisors.map((s) => [s.key, s.count, s.denominator])).toEqual([
      ['s', 1, 1],
      ['s2', 1, 1],
    ]);
  });
});

describe('trust audit: the RCR AuditLive cerebrovascular DSA set', () => {
  const angio = (id: string, details: object) =>
    logged(id, { procedure: 'diagnostic-angiography', details: { ...ANGIO_DETAILS, ...details } });
  const report = audit([
    // 50 angiograms: 1 failure, 1 permanent deficit, 2 minor haematomas, 1 needing intervention,
    // 1 catheter-induced dissection, 1 legacy "access-site dissection".
    ...Array.from({ length: 50 }, (_, i) =>
      angio(`a${i}`, {
        diagnosticSuccess: i !== 0,
        neurologicalComplication: i === 1 ? 'permanent' : 'none',
        accessSiteComplications:
          i < 2
            ? ['haematoma']
            : i === 2
              ? ['haematoma-needing-intervention']
              : i === 3
                ? ['dissection']
                : [],
        catheterComplications: i === 4 ? ['arterial-dissection'] : [],
        ...(i < 10 && { contrastNephropathy: i === 5 }),
      }),
    ),
    // Outside the scope: another trust, another period, retracted.
    logged('x1', { institutionId: 'trust-b' }),
    logged('x2', { performedOn: '2024-01-01' }),
    evolveCaseRecord(logged('x3'), event('CaseRetracted', { caseId: 'x3', reason: 'dup' }))!,
  ]);
  const dsa = (metric: string) => figure(report, metric, 'diagnostic-angiography');

  it('judges every target, counting only what the target names', () => {
    expect(dsa('procedures')?.count).toBe(50);
    expect(dsa('written-consent')).toMatchObject({ value: 100, threshold: '>=100', status: 'met' });
    expect(dsa('diagnostic-success')).toMatchObject({
      value: 98,
      threshold: '>=98',
      status: 'met',
    });
    expect(dsa('permanent-neurological-deficit')).toMatchObject({
      value: 2,
      threshold: '<=1',
      status: 'not-met',
    });
    // A haematoma counts toward the 3% target only when it needed intervention.
    expect(dsa('access-haematoma-needing-intervention')).toMatchObject({
      count: 1,
      value: 2,
      status: 'met',
    });
    expect(dsa('access-haematoma-any')).toMatchObject({ count: 3, status: 'n/a' });
    // Dissection is catheter-induced; the old access-site filing is read as one too.
    expect(dsa('arterial-dissection')).toMatchObject({
      count: 2,
      value: 4,
      threshold: '<=1',
      status: 'not-met',
    });
    // Contrast nephropathy is out of the angiograms where it was recorded.
    expect(dsa('contrast-nephropathy')).toMatchObject({
      count: 1,
      denominator: 10,
      value: 10,
      status: 'not-met',
    });
    for (const metric of [
      'access-vessel-occlusion',
      'pseudoaneurysm-or-av-fistula',
      'major-contrast-reaction',
      'reversible-neurological-deficit',
    ])
      expect(dsa(metric)?.threshold).not.toBe('');
    expect(figure(report, 'complication', 'aneurysm-coiling')).toMatchObject({
      value: null,
      status: 'no-data',
    });
  });

  it('CSV: a header, then one row per figure, the trust first and then the series', () => {
    const lines = auditCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe(AUDIT_CSV_HEADER);
    const body = lines.slice(1).map((line) => line.split(','));
    expect(body.every((cells) => cells.length === 10)).toBe(true);
    expect(body.length).toBe(report.rows.length + report.series.length);
    expect(lines).toContain(
      'trust,trust-a,diagnostic-angiography,diagnostic-success,pct,49,50,98,>=98,met',
    );
    expect(lines).toContain('trust,trust-a,aneurysm-coiling,complication,pct,0,0,,,no-data');
  });
});
