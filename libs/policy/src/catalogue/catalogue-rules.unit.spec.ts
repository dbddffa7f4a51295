// The shipped documents, as shipped, drive the deciders: the 2020 dual final sign-off is data in
// every pathway that declares it, and each pathway's eligibility and competency catalogue is
// what enrolment and sign-off enforce.
import { traineeDecider, type DecisionContext, type DomainEvent } from '@inr/domain';
import {
  actor,
  contextFor,
  specification,
  supervisorAccredited,
  supervisorState,
  traineeEnrolled,
} from '@inr/domain/testing';
import { evaluate } from '../evaluation/evaluate';
import type { HistoryEvent } from '../history/history-event';
import { pathwayFacts } from '../pathway/pathway-facts';
import { catalogue, findPathway } from './catalogue';

const spec = specification(traineeDecider);
const TRAINEE = 'trainee-1';
const dualSignOffPathways = catalogue.filter((p) =>
  p.requirements.some((r) => r.kind === 'dual-signoff'),
);

function signer(id: string, pathwayId: string, principal?: boolean): DecisionContext {
  const kind = principal === undefined ? 'INR' : 'medical-director';
  return contextFor(actor(kind === 'INR' ? 'supervisor' : 'medical-director', id), {
    supervisor: supervisorState([
      supervisorAccredited({
        supervisorId: id,
        kind,
        ...(principal && { principalTrainingHospital: true }),
      }),
    ]),
    pathways: [pathwayFacts(findPathway(pathwayId)!)],
  });
}

function asHistory(events: readonly DomainEvent[]): HistoryEvent[] {
  return events.map((e, position) => ({
    position,
    id: `e-${position}`,
    type: e.type,
    data: e.data,
    recordedAt: '2026-03-10T12:00:00.000Z',
  }));
}

describe('the RCR 2020 dual final sign-off, as catalogue data', () => {
  it('is declared by the consultant-IR pathway', () => {
    expect(dualSignOffPathways.map((p) => p.id)).toContain('rcr-2020-consultant-ir');
  });

  it.each(dualSignOffPathways.map((p) => [p.id] as const))(
    '%s: one INR plus the principal medical director complete it; nobody else can',
    (pathwayId) => {
      const pathway = findPathway(pathwayId)!;
      const requirement = pathway.requirements.find((r) => r.kind === 'dual-signoff')!;
      const competencyId = (requirement as { competencyId: string }).competencyId;
      const enrolled = traineeEnrolled({ traineeId: TRAINEE, pathwayIds: [pathwayId] });
      const signOff = (signerId: string) =>
        ({
          type: 'SignOffCompetency',
          traineeId: TRAINEE,
          competencyId,
          signerId,
          institutionId: 'inst-north',
        }) as const;

      const [inrSigned] = spec.given([enrolled]).when(signOff('inr-1'), signer('inr-1', pathwayId))
        .result as DomainEvent[];
      expect(inrSigned).toMatchObject({ data: { signerKind: 'INR' } });
      spec
        .given([enrolled, inrSigned!])
        .when(signOff('md-other'), signer('md-other', pathwayId, false))
        .thenFails('SIGNATURE_NEEDS_PRINCIPAL_MEDICAL_DIRECTOR');
      spec
        .given([enrolled, inrSigned!])
        .when(signOff('inr-2'), signer('inr-2', pathwayId))
        .thenFails('SIGNATURE_SLOT_ALREADY_FILLED');
      const [directorSigned] = spec
        .given([enrolled, inrSigned!])
        .when(signOff('md-1'), signer('md-1', pathwayId, true)).result as DomainEvent[];

      const history = asHistory([enrolled, inrSigned!, directorSigned!]);
      const result = evaluate(pathway, TRAINEE, history, { evaluatedOn: '2026-03-10' });
      expect(result.requirements.find((r) => r.id === requirement.id)).toMatchObject({
        achieved: 2,
        met: true,
      });
    },
  );

  it('a misspelt competency id is refused rather than starting a new competency', () => {
    const enrolled = traineeEnrolled({ pathwayIds: ['rcr-2020-consultant-ir'] });
    spec
      .given([enrolled])
      .when(
        {
          type: 'SignOffCompetency',
          traineeId: TRAINEE,
          competencyId: 'mt-final-signoff',
          signerId: 'inr-1',
          institutionId: 'inst-north',
        },
        signer('inr-1', 'rcr-2020-consultant-ir'),
      )
      .thenFails('COMPETENCY_NOT_IN_PATHWAY');
  });
});

describe("each shipped pathway's eligibility, as shipped", () => {
  const enrol = (pathwayId: string, specialty: string, stage: string) =>
    spec.given().when(
      {
        type: 'EnrolTrainee',
        ...traineeEnrolled({ pathwayIds: [pathwayId], specialty: specialty as never, stage }).data,
      },
      contextFor(actor('admin', 'admin-1'), {
        pathways: [pathwayFacts(findPathway(pathwayId)!)],
      }),
    );

  it('a neurology ST6 cannot apply for the consultant-IR route', () => {
    enrol('rcr-2020-consultant-ir', 'neurology', 'ST6').thenFails('NOT_ELIGIBLE_SPECIALTY');
    enrol('rcr-2020-consultant-ir', 'interventional-radiology', 'ST6').thenFails(
      'NOT_ELIGIBLE_STAGE',
    );
    enrol('rcr-2020-consultant-ir', 'interventional-radiology', 'consultant').then([
      traineeEnrolled({
        pathwayIds: ['rcr-2020-consultant-ir'],
        specialty: 'interventional-radiology',
        stage: 'consultant',
      }),
    ]);
  });

  it('the BSNR radiology route starts by ST5; the stroke-medicine route is for stroke physicians', () => {
    enrol('bsnr-2017-ir-to-inr', 'radiology', 'ST6').thenFails('NOT_ELIGIBLE_STAGE');
    expect(enrol('bsnr-2017-ir-to-inr', 'radiology', 'ST5').result).not.toHaveProperty('code');
    enrol('bsnr-stroke-medicine-route', 'neurology', 'ST6').thenFails('NOT_ELIGIBLE_SPECIALTY');
    expect(enrol('bsnr-stroke-medicine-route', 'stroke-medicine', 'ST6').result).not.toHaveProperty(
      'code',
    );
  });
});
