import { validatePathway } from './validate-pathway';

const valid = (): Record<string, unknown> => ({
  id: 'demo-pathway',
  version: '1.2.0',
  title: 'Demo',
  issuingBody: 'Tests',
  source: { citation: 'A guideline', url: 'https://example.org/g', readOn: '2026-11-28' },
  status: 'confirmed-structure',
  parameters: {
    mtCases: { value: 25, confirmed: false, note: 'UNCONFIRMED' },
    months: { value: 12, confirmed: true, source: 'A guideline' },
  },
  requirements: [
    {
      id: 'mt-cases',
      kind: 'cases',
      description: 'MT cases',
      target: 'mtCases',
      filter: {
        procedures: ['mechanical-thrombectomy'],
        operatorRoles: ['primary-supervised'],
        minSupervisionLevel: 3,
        signedOff: true,
        institutionIds: ['inst-1'],
        window: { lastMonths: 'months' },
      },
    },
    {
      id: 'maintenance',
      kind: 'maintenance',
      description: '15 in 12',
      filter: { procedures: ['mechanical-thrombectomy'] },
      alternatives: [
        { count: { value: 15, confirmed: true, source: 'JC 2019' }, months: 'months' },
      ],
    },
    {
      id: 'final',
      kind: 'dual-signoff',
      description: 'INR + MD',
      competencyId: 'mt-final-sign-off',
    },
  ],
});

function errorsOf(doc: unknown): { path: string; code: string }[] {
  const result = validatePathway(doc);
  return result.ok ? [] : result.errors.map(({ path, code }) => ({ path, code }));
}

function withRequirement(requirement: Record<string, unknown>): Record<string, unknown> {
  return { ...valid(), requirements: [requirement] };
}

describe('validatePathway', () => {
  it('accepts a well-formed document and returns a typed copy', () => {
    const result = validatePathway(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pathway.requirements.map((r) => r.kind)).toEqual([
      'cases',
      'maintenance',
      'dual-signoff',
    ]);
    expect(result.pathway.parameters['mtCases']).toEqual({
      value: 25,
      confirmed: false,
      note: 'UNCONFIRMED',
    });
  });

  it('rejects a non-object document', () => {
    expect(errorsOf(null)).toEqual([{ path: '', code: 'NOT_AN_OBJECT' }]);
    expect(errorsOf([])).toEqual([{ path: '', code: 'NOT_AN_OBJECT' }]);
  });

  it('reports every missing top-level field at once', () => {
    const codes = errorsOf({});
    expect(codes).toEqual(
      expect.arrayContaining([
        { path: '/id', code: 'MISSING_FIELD' },
        { path: '/version', code: 'MISSING_FIELD' },
        { path: '/source', code: 'MISSING_FIELD' },
        { path: '/parameters', code: 'MISSING_FIELD' },
        { path: '/requirements', code: 'MISSING_FIELD' },
      ]),
    );
  });

  it('rejects a bare number as a target: unconfirmed numbers must be named parameters', () => {
    const doc = withRequirement({
      id: 'x',
      kind: 'cases',
      description: 'd',
      target: 25,
      filter: {},
    });
    expect(errorsOf(doc)).toEqual([{ path: '/requirements/0/target', code: 'UNSOURCED_LITERAL' }]);
  });

  it('rejects an inline literal that is not confirmed, or confirmed without a source', () => {
    const unconfirmed = withRequirement({
      id: 'x',
      kind: 'cases',
      description: 'd',
      target: { value: 25, confirmed: false, source: 's' },
      filter: {},
    });
    expect(errorsOf(unconfirmed)).toEqual([
      { path: '/requirements/0/target', code: 'UNCONFIRMED_LITERAL' },
    ]);
    const unsourced = withRequirement({
      id: 'x',
      kind: 'cases',
      description: 'd',
      target: { value: 25, confirmed: true },
      filter: {},
    });
    expect(errorsOf(unsourced)).toEqual([
      { path: '/requirements/0/target/source', code: 'CONFIRMED_WITHOUT_SOURCE' },
    ]);
  });

  it('rejects a reference to a parameter that does not exist', () => {
    const doc = withRequirement({
      id: 'x',
      kind: 'rota',
      description: 'd',
      minShifts: 'rotaShifts',
    });
    expect(errorsOf(doc)).toEqual([
      { path: '/requirements/0/minShifts', code: 'UNKNOWN_PARAMETER' },
    ]);
  });

  it('rejects a confirmed parameter without a source', () => {
    const doc = {
      ...valid(),
      parameters: { ...(valid()['parameters'] as object), x: { value: 1, confirmed: true } },
    };
    expect(errorsOf(doc)).toEqual([
      { path: '/parameters/x/source', code: 'CONFIRMED_WITHOUT_SOURCE' },
    ]);
  });

  it('rejects a fractional count', () => {
    const doc = withRequirement({
      id: 'x',
      kind: 'rota',
      description: 'd',
      minShifts: { value: 2.5, confirmed: true, source: 's' },
    });
    expect(errorsOf(doc)).toEqual([
      { path: '/requirements/0/minShifts/value', code: 'NON_INTEGER' },
    ]);
  });

  it('rejects unknown fields, including a misspelt filter key that would widen a count', () => {
    const doc = withRequirement({
      id: 'x',
      kind: 'cases',
      description: 'd',
      target: 'mtCases',
      filter: { minSupervisonLevel: 3 },
    });
    expect(errorsOf(doc)).toEqual([
      { path: '/requirements/0/filter/minSupervisonLevel', code: 'UNKNOWN_FIELD' },
    ]);
  });

  it('rejects a field that belongs to another requirement kind', () => {
    const doc = withRequirement({
      id: 'x',
      kind: 'rota',
      description: 'd',
      minShifts: 'mtCases',
      target: 'mtCases',
    });
    expect(errorsOf(doc)).toEqual([{ path: '/requirements/0/target', code: 'UNKNOWN_FIELD' }]);
  });

  it('rejects values outside the domain vocabulary', () => {
    const doc = withRequirement({
      id: 'x',
      kind: 'cases',
      description: 'd',
      target: 'mtCases',
      filter: { procedures: ['carotid-stenting'], minSupervisionLevel: 7 },
    });
    expect(errorsOf(doc)).toEqual([
      { path: '/requirements/0/filter/procedures/0', code: 'INVALID_VALUE' },
      { path: '/requirements/0/filter/minSupervisionLevel', code: 'INVALID_VALUE' },
    ]);
  });

  it('rejects an unknown requirement kind', () => {
    const doc = withRequirement({ id: 'x', kind: 'vibes', description: 'd' });
    expect(errorsOf(doc)).toEqual([
      { path: '/requirements/0/kind', code: 'UNKNOWN_REQUIREMENT_KIND' },
    ]);
  });

  it('rejects an institution filter on maintenance, where cases at other hospitals count', () => {
    const doc = withRequirement({
      id: 'x',
      kind: 'maintenance',
      description: 'd',
      filter: { institutionIds: ['inst-1'] },
      alternatives: [{ count: 'mtCases', months: 'months' }],
    });
    expect(errorsOf(doc)).toEqual([
      { path: '/requirements/0/filter/institutionIds', code: 'UNKNOWN_FIELD' },
    ]);
  });

  it('rejects a window that mixes dates with lastMonths, or runs backwards', () => {
    const mixed = withRequirement({
      id: 'x',
      kind: 'cases',
      description: 'd',
      target: 'mtCases',
      filter: { window: { from: '2025-01-01', lastMonths: 'months' } },
    });
    expect(errorsOf(mixed)).toEqual([
      { path: '/requirements/0/filter/window', code: 'INVALID_WINDOW' },
    ]);
    const backwards = withRequirement({
      id: 'x',
      kind: 'cases',
      description: 'd',
      target: 'mtCases',
      filter: { window: { from: '2025-01-02', to: '2025-01-01' } },
    });
    expect(errorsOf(backwards)).toEqual([
      { path: '/requirements/0/filter/window', code: 'INVALID_WINDOW' },
    ]);
  });

  it('rejects duplicate requirement ids, an empty requirement list, a bad version and a bad read date', () => {
    const req = { id: 'x', kind: 'dual-signoff', description: 'd', competencyId: 'c' };
    expect(errorsOf({ ...valid(), requirements: [req, req] })).toEqual([
      { path: '/requirements/1/id', code: 'DUPLICATE_REQUIREMENT_ID' },
    ]);
    expect(errorsOf({ ...valid(), requirements: [] })).toEqual([
      { path: '/requirements', code: 'NO_REQUIREMENTS' },
    ]);
    expect(errorsOf({ ...valid(), version: 'v1' })).toEqual([
      { path: '/version', code: 'INVALID_VERSION' },
    ]);
    expect(errorsOf({ ...valid(), source: { citation: 'c', readOn: '2026-02-30' } })).toEqual([
      { path: '/source/readOn', code: 'INVALID_DATE' },
    ]);
  });

  it('rejects empty and duplicated filter lists', () => {
    const doc = withRequirement({
      id: 'x',
      kind: 'cases',
      description: 'd',
      target: 'mtCases',
      filter: { procedures: [], operatorRoles: ['observer', 'observer'] },
    });
    expect(errorsOf(doc)).toEqual([
      { path: '/requirements/0/filter/procedures', code: 'EMPTY_VALUE' },
      { path: '/requirements/0/filter/operatorRoles/1', code: 'DUPLICATE_VALUE' },
    ]);
  });

  it('does not share structure with its input', () => {
    const doc = valid();
    const result = validatePathway(doc);
    if (!result.ok) throw new Error('expected valid');
    ((doc['requirements'] as Record<string, unknown>[])[0] as Record<string, unknown>)['id'] =
      'changed';
    expect(result.pathway.requirements[0]?.id).toBe('mt-cases');
  });
});

describe('the competency catalogue, eligibility and issuer', () => {
  const finalSignOff = {
    id: 'mt-final-sign-off',
    title: 'Final sign-off',
    signerKinds: ['INR', 'medical-director'],
    slots: [{ kind: 'INR' }, { kind: 'medical-director', principalTrainingHospital: true }],
  };
  const catalogued = (extra: Record<string, unknown>) => ({
    ...valid(),
    issuer: 'rcr',
    competencies: [finalSignOff],
    eligibility: { specialties: ['interventional-radiology'], stages: ['consultant'] },
    limitations: ['Centre lists are local.'],
    ...extra,
  });

  it('accepts a catalogue and returns it with the pathway', () => {
    const result = validatePathway(catalogued({}));
    expect(result.ok && result.pathway).toMatchObject({
      issuer: 'rcr',
      competencies: [finalSignOff],
      eligibility: { specialties: ['interventional-radiology'], stages: ['consultant'] },
      limitations: ['Centre lists are local.'],
    });
  });

  it('a requirement must name a catalogued competency, so a typo is caught', () => {
    const typo = catalogued({
      requirements: [
        { id: 'final', kind: 'dual-signoff', description: 'd', competencyId: 'mt-final-signoff' },
      ],
    });
    expect(errorsOf(typo)).toEqual([
      { path: '/requirements/0/competencyId', code: 'UNKNOWN_COMPETENCY' },
    ]);
  });

  it('a dual sign-off needs its two places: an INR and the principal medical director', () => {
    const noSlots = catalogued({
      competencies: [{ ...finalSignOff, slots: [{ kind: 'INR' }, { kind: 'medical-director' }] }],
    });
    expect(errorsOf(noSlots)).toEqual([
      { path: '/requirements/2/competencyId', code: 'DUAL_SIGNOFF_WITHOUT_SLOTS' },
    ]);
  });

  it('slots must be signable and competency ids unique; eligibility uses the vocabulary', () => {
    const bad = catalogued({
      competencies: [
        finalSignOff,
        { ...finalSignOff, signerKinds: ['INR'] },
        {
          id: 'x',
          title: 'X',
          signerKinds: ['INR'],
          slots: [{ kind: 'INR', principalTrainingHospital: true }],
        },
      ],
      eligibility: { specialties: ['stroke'] },
      issuer: 'Royal College',
    });
    expect(errorsOf(bad)).toEqual(
      expect.arrayContaining([
        { path: '/issuer', code: 'INVALID_ID' },
        { path: '/competencies/1/slots/1/kind', code: 'INVALID_SIGNATURE_SLOTS' },
        {
          path: '/competencies/2/slots/0/principalTrainingHospital',
          code: 'INVALID_SIGNATURE_SLOTS',
        },
        { path: '/eligibility/specialties/0', code: 'INVALID_VALUE' },
      ]),
    );
  });
});
