import type { FastifyRequest } from 'fastify';
import { rejectPatientIdentifiers } from './reject-patient-identifiers';

const request = (body: unknown): FastifyRequest => ({ body, params: {} }) as FastifyRequest;
// Another ledger's signed leaves: a UUID and hashes whose digits can read as an NHS number.
const bundle = { events: [{ leaf: '{"data":{"note":"NHS 943 476 5919"}}' }] };

describe('the patient-identifier scan and a body member of signed foreign evidence', () => {
  it("skips only the named member: another ledger's proven leaves are not text typed here", () => {
    expect(() =>
      rejectPatientIdentifiers(request({ bundle, reason: 'Moved' }), 'bundle'),
    ).not.toThrow();
    expect(() => rejectPatientIdentifiers(request({ bundle, reason: 'Moved' }))).toThrow();
  });

  it('still scans the rest of the body', () => {
    const typed = request({ bundle, reason: 'Patient NHS 943 476 5919 moved with them' });
    expect(() => rejectPatientIdentifiers(typed, 'bundle')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('patient identifier') }),
    );
  });
});
