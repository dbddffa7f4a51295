import { CURRENT_SCHEMA_VERSION, currentSchemaVersion } from './schema-versions';
import { SchemaVersionError, upcast, upcastEvent } from './upcast';
import { UPCASTERS } from './upcasters';

describe('old events keep loading', () => {
  it('every event type has an unbroken chain of upcasters up to its current version', () => {
    for (const [type, version] of Object.entries(CURRENT_SCHEMA_VERSION)) {
      const chain = UPCASTERS[type as keyof typeof UPCASTERS] ?? [];
      expect({ type, steps: chain.length }).toEqual({ type, steps: version - 1 });
    }
  });

  it("a v1 enrolment in 'stroke' reads as 'stroke-medicine'", () => {
    const v1 = {
      traineeId: 't',
      institutionId: 'i',
      specialty: 'stroke',
      stage: 'ST5',
      enrolledOn: '2025-01-01',
      pathwayIds: [],
    };
    expect(upcast('TraineeEnrolled', 1, v1)).toEqual({ ...v1, specialty: 'stroke-medicine' });
  });

  it('a v1 thrombectomy case without complications reads as having none', () => {
    const v1 = { caseId: 'c', details: { procedure: 'mechanical-thrombectomy', finalEtici: '3' } };
    expect(upcast('CaseLogged', 1, v1)).toEqual({
      caseId: 'c',
      details: { procedure: 'mechanical-thrombectomy', finalEtici: '3', complications: [] },
    });
  });

  it('a v1 angiography case gains empty access-site complications and no neurological complication', () => {
    const v1 = { details: { procedure: 'diagnostic-angiography', diagnosticSuccess: true } };
    expect(upcast('CaseLogged', 1, v1)).toEqual({
      details: {
        procedure: 'diagnostic-angiography',
        diagnosticSuccess: true,
        accessSiteComplications: [],
        neurologicalComplication: 'none',
      },
    });
  });

  it('complications a v1 event did carry are kept', () => {
    const v1 = { details: { procedure: 'aneurysm-coiling', complications: ['thromboembolic'] } };
    expect(upcast('CaseLogged', 1, v1)).toEqual(v1);
  });

  it('a current-version event passes through unchanged, and a missing version means v1', () => {
    const v2 = { specialty: 'stroke' };
    expect(upcast('TraineeEnrolled', currentSchemaVersion('TraineeEnrolled'), v2)).toBe(v2);
    expect(upcast('TraineeEnrolled', undefined, v2)).toEqual({ specialty: 'stroke-medicine' });
  });

  it('an event from a newer schema, or of an unknown type, is a deployment fault', () => {
    expect(() => upcast('CaseLogged', 3, {})).toThrow(SchemaVersionError);
    expect(() => upcast('PatientAdmitted', 1, {})).toThrow(SchemaVersionError);
    expect(() =>
      upcastEvent({ type: 'CaseLogged', data: {}, metadata: { schemaVersion: '2' } }),
    ).toThrow(SchemaVersionError);
  });

  it('upcastEvent reads the version from the stored metadata', () => {
    const event = upcastEvent({
      type: 'TraineeEnrolled',
      data: { specialty: 'stroke' },
      metadata: { schemaVersion: 1 },
    });
    expect(event).toEqual({ type: 'TraineeEnrolled', data: { specialty: 'stroke-medicine' } });
  });
});
