/** YYYY-MM-DD, n days before today (UTC). */
export function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

export const RVI = 'rvi';
export const SALFORD = 'salford';

/** A valid thrombectomy case body for LogCase. */
export function thrombectomyCase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  // Clock times lie on the procedure date, which is relative to today.
  const performedOn =
    typeof overrides['performedOn'] === 'string' ? overrides['performedOn'] : daysAgo(10);
  return {
    institutionId: RVI,
    procedure: 'mechanical-thrombectomy',
    performedOn,
    operatorRole: 'primary-supervised',
    supervisorId: 'sup-ann',
    supervisionLevel: 2,
    localRef: 'MT-2026-001',
    details: {
      procedure: 'mechanical-thrombectomy',
      occlusionSite: 'M1',
      tandemLesion: false,
      technique: 'combined',
      balloonGuideCatheter: true,
      rescueStenting: false,
      eticiByPass: ['2b67'],
      finalEtici: '2b67',
      times: { arrival: `${performedOn}T10:15`, groinPuncture: `${performedOn}T10:55` },
      complications: [],
    },
    notes: 'Uneventful; first-pass effect.',
    ...overrides,
  };
}

export function accreditation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    gmcNumber: '7012345',
    kind: 'INR',
    institutionIds: [RVI],
    procedures: ['mechanical-thrombectomy', 'aneurysm-coiling', 'diagnostic-angiography'],
    validFrom: daysAgo(1000),
    ...overrides,
  };
}

export function enrolment(
  traineeId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    traineeId,
    institutionId: RVI,
    specialty: 'neurology',
    stage: 'ST5',
    enrolledOn: daysAgo(400),
    pathwayIds: ['illustrative-esmint-cast', 'rcr-gmc-mt-credential'],
    ...overrides,
  };
}
