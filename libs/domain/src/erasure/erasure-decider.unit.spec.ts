import type { DomainEvent } from '../events';
import {
  actor,
  contextFor,
  supervisorAccredited,
  TODAY,
  traineeEnrolled,
} from '../testing/fixtures';
import { specification } from '../testing/specification';
import { evolveSupervisor, initialSupervisorState } from '../supervisor/supervisor-state';
import { evolveTrainee, initialTraineeState } from '../trainee/trainee-state';
import { erasureDecider } from './erasure-decider';

const spec = specification(erasureDecider);
const dpo = actor('data-protection', 'dpo-1');
const withTrainee = contextFor(dpo, {
  trainee: evolveTrainee(initialTraineeState(), traineeEnrolled()),
});
const withSupervisor = contextFor(dpo, {
  supervisor: evolveSupervisor(initialSupervisorState(), supervisorAccredited()),
});
const erase = (subjectId: string) =>
  ({ type: 'EraseSubject', subjectId, reason: ' Art. 17 request DP-1 ' }) as const;
const erased = (subjectId: string): DomainEvent => ({
  type: 'SubjectDataErased',
  data: { subjectId, erasedOn: TODAY, reason: 'Art. 17 request DP-1' },
});

describe('erasing a person', () => {
  it('the data-protection officer erases a trainee, today, with the reason', () => {
    spec
      .given()
      .when(erase('trainee-1'), withTrainee)
      .then([erased('trainee-1')]);
  });

  it('and a supervisor', () => {
    spec
      .given()
      .when(erase('inr-1'), withSupervisor)
      .then([erased('inr-1')]);
  });

  it('needs a reason', () => {
    spec
      .given()
      .when({ ...erase('trainee-1'), reason: '  ' }, withTrainee)
      .thenFails('REASON_REQUIRED');
  });

  it('only the data-protection role erases', () => {
    spec
      .given()
      .when(erase('trainee-1'), { ...withTrainee, actor: actor('admin', 'adm-1') })
      .thenFails('ROLE_NOT_PERMITTED');
  });

  it('an id the ledger does not know is not a person it holds data about', () => {
    spec.given().when(erase('nobody'), contextFor(dpo)).thenFails('SUBJECT_UNKNOWN');
  });

  it('erases once', () => {
    spec
      .given([erased('trainee-1')])
      .when(erase('trainee-1'), withTrainee)
      .thenFails('SUBJECT_ALREADY_ERASED');
  });
});
