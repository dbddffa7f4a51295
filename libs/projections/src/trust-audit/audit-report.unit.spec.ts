import { PROCEDURES } from '@inr/domain';
import { evolveCaseRecord, type CaseRecord } from '../case-registry/case-fold';
import type { LedgerEvent } from '../events/ledger-event';
import { ANGIO_DETAILS, MT_DETAILS } from '../testing/ledger-builder';
import { AUDIT_CSV_HEADER, auditCsv } from './audit-csv';
import { auditReport } from './audit-report';

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

function logged(caseId: string, overrides: object): CaseRecord {
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

describe('trust audit', () => {
  const angio = (id: string, details: object) =>
    logged(id, { procedure: 'diagnostic-angiography', details: { ...ANGIO_DETAILS, ...details } });
  const records: CaseRecord[] = [
    // 2 MT: one first-pass success at 45 min, one 2-pass 2a failure at 75 min with sICH.
    evolveCaseRecord(
      logged('m1', {}),
      event(
        'CaseSignedOff',
        { caseId: 'm1', supervisorId: 's', signedOn: '2025-03-04' },
        '2025-03-04T12:00:00.000Z',
      ),
    )!,
    logged('m2', {
      operatorRole: 'assistant',
      details: {
        ...MT_DETAILS,
        eticiByPass: ['1', '2a'],
        finalEtici: '2a',
        times: { arrival: '2025-03-01T10:00', groinPuncture: '2025-03-01T11:15' },
        complications: ['symptomatic-ich'],
      },
    }),
    // 50 angiograms with 1 failure, 1 permanent deficit, 2 haematomas: 98% success, 2% permanent (> 1%).
    ...Array.from({ length: 50 }, (_, i) =>
      angio(`a${i}`, {
        diagnosticSuccess: i !== 0,
        neurologicalComplication: i === 1 ? 'permanent' : 'none',
        accessSiteComplications: i < 2 ? ['haematoma'] : [],
      }),
    ),
    // Outside the scope: another trust, another period, retracted.
    logged('x1', { institutionId: 'trust-b' }),
    logged('x2', { performedOn: '2024-01-01' }),
    evolveCaseRecord(logged('x3', {}), event('CaseRetracted', { caseId: 'x3', reason: 'dup' }))!,
  ];
  const report = auditReport(records, {
    institutionId: 'trust-a',
    from: '2025-01-01',
    to: '2025-12-31',
    ledgerSize: 99,
  });
  const value = (procedure: string, metric: string) =>
    report.rows.find((r) => r.procedure === procedure && r.metric === metric);

  it('computes outcome metrics and judges them against the RCR and SNIS thresholds', () => {
    expect(value('mechanical-thrombectomy', 'cases')?.value).toBe(2);
    expect(value('mechanical-thrombectomy', 'reperfusion-success-pct')?.value).toBe(50);
    expect(value('mechanical-thrombectomy', 'first-pass-effect-pct')?.value).toBe(50);
    expect(value('mechanical-thrombectomy', 'door-to-puncture-median-min')).toMatchObject({
      value: 60,
      threshold: '<60',
      status: 'not-met',
    });
    expect(value('mechanical-thrombectomy', 'sign-off-delay-median-days')?.value).toBe(3);
    expect(value('mechanical-thrombectomy', 'role-assistant')?.value).toBe(1);
    expect(value('diagnostic-angiography', 'cases')?.value).toBe(50);
    expect(value('diagnostic-angiography', 'diagnostic-success-pct')).toMatchObject({
      value: 98,
      threshold: '>=98',
      status: 'met',
    });
    expect(value('diagnostic-angiography', 'permanent-deficit-pct')).toMatchObject({
      value: 2,
      threshold: '<=1',
      status: 'not-met',
    });
    expect(value('diagnostic-angiography', 'access-site-haematoma-pct')).toMatchObject({
      value: 4,
      status: 'not-met',
    });
    expect(value('aneurysm-coiling', 'complication-pct')).toMatchObject({
      value: null,
      status: 'no-data',
    });
  });

  it('CSV: a header row, then exactly one row per metric per procedure', () => {
    const lines = auditCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe(AUDIT_CSV_HEADER);
    const body = lines.slice(1).map((line) => line.split(','));
    expect(body.every((cells) => cells.length === 5)).toBe(true);
    const keys = body.map(([procedure, metric]) => `${procedure}/${metric}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(body.length).toBe(report.rows.length);
    for (const procedure of PROCEDURES) expect(keys).toContain(`${procedure}/cases`);
    expect(lines).toContain('diagnostic-angiography,dissection-pct,0,<=1,met');
    expect(lines).toContain('aneurysm-coiling,complication-pct,,,no-data');
  });
});
