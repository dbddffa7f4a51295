import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evolveCaseRecord, type CaseRecord } from '../case-registry/case-fold';
import type { LedgerEvent } from '../events/ledger-event';
import { MT_DETAILS } from '../testing/ledger-builder';
import { NATIONAL_AUDIT_COLUMNS, nationalAuditCsv } from './national-audit-csv';

let position = 0;
const log = (caseId: string, overrides: object): CaseRecord =>
  evolveCaseRecord(undefined, {
    position: position++,
    id: `e${position}`,
    type: 'CaseLogged',
    streamId: `case-${caseId}`,
    metadata: {},
    recordedAt: '2025-03-01T12:00:00.000Z',
    data: {
      caseId,
      traineeId: 't1',
      institutionId: 'trust-a',
      procedure: 'mechanical-thrombectomy',
      performedOn: '2025-03-01',
      operatorRole: 'primary-supervised',
      supervisorId: 's',
      supervisionLevel: 2,
      localRef: 'LOCAL-REF-1',
      details: MT_DETAILS,
      ...overrides,
    } as unknown as LedgerEvent['data'],
  })!;

describe('national-audit export', () => {
  const scope = { institutionId: 'trust-a', from: '2025-01-01', to: '2025-12-31' };

  it('one row per procedure, with co-operators named and no local reference', () => {
    const csv = nationalAuditCsv(
      [
        log('c1', { procedureRef: 'prc-1' }),
        log('c2', { procedureRef: 'prc-1', traineeId: 't2', operatorRole: 'assistant' }),
        log('c3', {}),
      ],
      scope,
    );
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    const cells = header!.split(',');
    const first = Object.fromEntries(rows[0]!.split(',').map((v, i) => [cells[i], v]));
    expect(first).toMatchObject({
      procedure_ref: 'prc-1',
      logs: '2',
      operator_id: 't1',
      co_operator_ids: 't2',
      first_pass_effect: 'true',
      door_to_puncture_min: '45',
    });
    expect(csv).not.toContain('LOCAL-REF-1');
  });

  it('every column is defined in the data dictionary', () => {
    const dictionary = readFileSync(
      join(__dirname, '../../../../docs/audit-data-dictionary.md'),
      'utf8',
    );
    for (const [name] of NATIONAL_AUDIT_COLUMNS) expect(dictionary).toContain(`| \`${name}\` |`);
  });
});
