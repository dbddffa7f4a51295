import { expect } from '@jest/globals';
import { accreditation, thrombectomyCase } from '../e2e/support/fixtures';
import type { LedgerServer } from './ledger-server';

/** Tokens the replicas issue for this check (TEST_TOKENS of ledger-server-child). */
export const PERSONAL_DATA_TOKENS = JSON.stringify({
  pdAdmin: { role: 'admin', sub: 'adm-rvi', institution: 'rvi' },
  pdTrainee: { role: 'trainee', sub: 'trn-r0', institution: 'rvi' },
  pdOfficer: { role: 'data-protection', sub: 'dpo-1', institution: 'rvi' },
});

const MARKER = 'replica-note-7f3a: seen only by its trainee';

async function send(
  server: LedgerServer,
  method: 'GET' | 'POST',
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && {
        'content-type': 'application/json',
        'idempotency-key': `pd-${path}-${Date.now()}-${Math.random()}`,
      }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

/** Polls the case on `server` (its read models catch up on their own) until `want` holds. */
async function caseNotes(server: LedgerServer, id: string, token: string, want: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const got = await send(server, 'GET', `/v1/cases/${id}`, token);
    if ((got.status === 200 && got.text.includes(want)) || Date.now() > deadline) return got;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Personal data across replicas (the key store shared in PostgreSQL): notes sealed through A
 * read in clear through B; after an erasure through B, A shows them erased and refuses new
 * personal data for the person.
 */
export async function checkPersonalDataAcrossReplicas(
  a: LedgerServer,
  b: LedgerServer,
): Promise<void> {
  const {
    pdAdmin: admin,
    pdTrainee: trainee,
    pdOfficer: officer,
  } = a.tokens as Record<string, string>;
  // A case needs its institution known: someone accredited to supervise there.
  const accredited = await send(a, 'POST', '/v1/supervisors/sup-ann/accreditations', admin!, {
    ...accreditation(),
  });
  expect(accredited.status).toBe(201);
  let logged = await send(a, 'POST', '/v1/cases', trainee!, thrombectomyCase({ notes: MARKER }));
  // A's read models learn of the accreditation on their own; a refusal writes nothing.
  for (let i = 0; i < 100 && logged.body['code'] === 'UNKNOWN_INSTITUTION'; i++) {
    await new Promise((done) => setTimeout(done, 100));
    logged = await send(a, 'POST', '/v1/cases', trainee!, thrombectomyCase({ notes: MARKER }));
  }
  expect(logged).toMatchObject({ status: 201 });
  const id = String(logged.body['id']);
  const read = await caseNotes(b, id, trainee!, MARKER);
  expect(read.status).toBe(200);
  expect(read.text).toContain(MARKER);

  const erased = await send(b, 'POST', '/v1/subjects/trn-r0/erasures', officer!, {
    reason: 'Erasure request under Art. 17 (two-replica test)',
  });
  expect(erased).toMatchObject({ status: 201 });
  const after = await caseNotes(a, id, trainee!, '[erased]');
  expect(after.text).toContain('[erased]');
  expect(after.text).not.toContain(MARKER);
  const late = await send(a, 'POST', '/v1/cases', trainee!, thrombectomyCase({ notes: 'late' }));
  expect([late.status, late.body['code']]).toEqual([422, 'SUBJECT_ERASED']);
}
