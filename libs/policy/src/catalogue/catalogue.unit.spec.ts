import { evaluate } from '../evaluation/evaluate';
import { validatePathway } from '../pathway/validate-pathway';
import { generateHistory } from '../testing/history-arbitrary';
import { EVALUATED_ON, SUBJECT_TRAINEE } from '../testing/history-steps';
import { catalogue, findPathway } from './catalogue';

describe('the pathway catalogue', () => {
  it('ships the pathways docs/domain.md lists (BSNR as radiology, clinical and stroke-medicine routes)', () => {
    expect(catalogue.map((p) => p.id)).toEqual([
      'rcr-gmc-mt-credential',
      'bsnr-2017-ir-to-inr',
      'bsnr-2017-clinical-routes',
      'bsnr-stroke-medicine-route',
      'rcr-2020-consultant-ir',
      'local-trust-example',
      'illustrative-esmint-cast',
      'joint-commission-2019-maintenance',
    ]);
  });

  it.each(catalogue.map((p) => [p.id, p] as const))(
    '%s names the body that owns it and says what its source does not let it express',
    (_id, pathway) => {
      expect(pathway.issuer).toMatch(/^[a-z0-9-]+$/);
      expect(pathway.limitations?.length).toBeGreaterThan(0);
    },
  );

  it('the consultant-IR route catalogues the competencies its source names', () => {
    const route = findPathway('rcr-2020-consultant-ir')!;
    expect(route.competencies?.map((c) => c.id)).toEqual([
      'mt-final-sign-off',
      'mt-technical-skills',
      'neurovascular-imaging',
      'clinical-neuroscience-knowledge',
      'complication-management',
    ]);
    for (const c of route.competencies!.slice(1)) {
      expect(route.requirements).toContainEqual(
        expect.objectContaining({ kind: 'distinct-signers', competencyId: c.id }),
      );
    }
  });

  it.each(catalogue.map((p) => [p.id, p] as const))(
    '%s validates and cites a source with the date read',
    (_id, pathway) => {
      expect(validatePathway(JSON.parse(JSON.stringify(pathway)))).toEqual({ ok: true, pathway });
      expect(pathway.source.citation.length).toBeGreaterThan(0);
      expect(pathway.source.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it.each(catalogue.map((p) => [p.id, p] as const))(
    '%s evaluates against a generated history',
    (_id, pathway) => {
      const history = generateHistory(42, 2000);
      const evaluation = evaluate(pathway, SUBJECT_TRAINEE, history, { evaluatedOn: EVALUATED_ON });
      expect(evaluation.requirements.map((r) => r.id)).toEqual(
        pathway.requirements.map((r) => r.id),
      );
      expect(evaluation.requirements.some((r) => r.achieved > 0)).toBe(true);
    },
  );

  it('keeps unconfirmed numbers visible: the RCR/GMC credential relies only on unconfirmed parameters', () => {
    const credential = findPathway('rcr-gmc-mt-credential')!;
    expect(Object.values(credential.parameters).every((p) => !p.confirmed)).toBe(true);
    const evaluation = evaluate(credential, SUBJECT_TRAINEE, [], { evaluatedOn: EVALUATED_ON });
    expect(evaluation.requirements.every((r) => r.unconfirmedParameters.length > 0)).toBe(true);
  });

  it('encodes the confirmed rules as sourced literals', () => {
    const route = findPathway('bsnr-2017-ir-to-inr')!;
    expect(route.requirements.find((r) => r.id === 'neuroradiology-two-years')).toMatchObject({
      kind: 'training-time',
      months: { value: 24, confirmed: true },
    });
    const consultant = findPathway('rcr-2020-consultant-ir')!;
    expect(consultant.requirements.map((r) => r.kind)).toContain('dual-signoff');
    const maintenance = findPathway('joint-commission-2019-maintenance')!;
    expect(maintenance.requirements[0]).toMatchObject({
      kind: 'maintenance',
      alternatives: [
        { count: { value: 15 }, months: { value: 12 } },
        { count: { value: 30 }, months: { value: 24 } },
      ],
    });
  });

  it('finds a pathway by id and version, and nothing for an unknown one', () => {
    expect(findPathway('illustrative-esmint-cast')?.version).toBe('1.1.0');
    expect(findPathway('illustrative-esmint-cast', '1.0.0')?.id).toBe('illustrative-esmint-cast');
    expect(findPathway('illustrative-esmint-cast', '1.0.0')?.issuer).toBeUndefined();
    expect(findPathway('illustrative-esmint-cast', '9.9.9')).toBeUndefined();
    expect(findPathway('no-such-pathway')).toBeUndefined();
  });
});
