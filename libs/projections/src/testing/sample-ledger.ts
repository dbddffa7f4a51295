import { randomUUID } from 'node:crypto';
import type { EventStore } from '@inr/event-store';
import { ANGIO_DETAILS, LedgerBuilder, MT_DETAILS } from './ledger-builder';

/**
 * A small mixed ledger touching every read model: enrolments, transfers, cases of each
 * procedure with sign-offs, disputes, amendments (withdrawing sign-off) and retractions,
 * credentials issued and revoked. Deterministic apart from event ids.
 */
export async function writeSampleLedger(
  store: EventStore,
  trainees = 4,
  casesPerTrainee = 12,
  prefix = 'tr',
): Promise<void> {
  const b = new LedgerBuilder(store);
  await b.accredit('sup-1');
  await b.accredit('sup-2', 'INR', ['trust-a', 'trust-b']);
  for (let t = 0; t < trainees; t++) {
    const traineeId = `${prefix}-${t}`;
    const institution = t % 2 === 0 ? 'trust-a' : 'trust-b';
    await b.enrol(
      traineeId,
      institution,
      ['illustrative-mt'],
      t % 3 === 0 ? 'neurology' : 'radiology',
    );
    for (let c = 0; c < casesPerTrainee; c++) {
      const caseId = `${traineeId}-c${c}`;
      const angio = c % 4 === 3;
      await b.logCase(caseId, traineeId, {
        institutionId: institution,
        supervisorId: c % 2 === 0 ? 'sup-1' : 'sup-2',
        performedOn: `2025-0${1 + (c % 6)}-1${c % 10}`,
        procedure: angio ? 'diagnostic-angiography' : 'mechanical-thrombectomy',
        details: angio
          ? ANGIO_DETAILS
          : { ...MT_DETAILS, eticiByPass: c % 3 === 0 ? ['1', '2b67'] : ['2c'] },
        supervisionLevel: c % 5 === 0 ? 3 : 2,
      });
      if (c % 3 !== 2) await b.signOff(caseId, traineeId, c % 2 === 0 ? 'sup-1' : 'sup-2');
      if (c % 7 === 1) await b.amend(caseId, traineeId, { supervisionLevel: 1 }, true);
      if (c % 11 === 5) await b.dispute(caseId, traineeId, 'sup-2');
      if (c % 9 === 4) await b.retract(caseId, traineeId);
    }
    if (t % 2 === 1)
      await b.store.append(`trainee-${traineeId}`, [
        {
          id: randomUUID(),
          type: 'TraineeTransferred',
          data: {
            traineeId,
            fromInstitutionId: institution,
            toInstitutionId: 'trust-c',
            transferredOn: '2025-04-01',
          },
        },
      ]);
    await b.apply(`app-${traineeId}`, traineeId, 'illustrative-mt', '1.0.0');
    await b.issue(
      `app-${traineeId}`,
      `cred-${traineeId}`,
      traineeId,
      'illustrative-mt',
      `202${4 + (t % 2)}-06-01`,
    );
    if (t === 0) await b.revokeCredential(`app-${traineeId}`, `cred-${traineeId}`);
  }
}
