import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@inr/event-store';
import type { ReadModels } from '@inr/projections';
import { InMemoryEventStore } from '@inr/event-store/testing';
import { PolicyFacts } from '../auth/policy-facts';
import { EventScope } from './event-scope';

const daysAgo = (n: number): string =>
  new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('live feed scope', () => {
  it("finding 10: a transferred trainee's events are scoped by the trust they train at now", async () => {
    const store = new InMemoryEventStore();
    const append = (stream: string, type: string, data: JsonObject) =>
      store.append(stream, [{ id: randomUUID(), type, data, metadata: {} }]);
    await append('trainee-trn-kim', 'TraineeEnrolled', {
      traineeId: 'trn-kim',
      institutionId: 'rvi',
      specialty: 'neurology',
      stage: 'ST5',
      enrolledOn: daysAgo(400),
      pathwayIds: [],
    });
    await append('trainee-trn-kim', 'TraineeTransferred', {
      traineeId: 'trn-kim',
      fromInstitutionId: 'rvi',
      toInstitutionId: 'salford',
      transferredOn: daysAgo(10),
    });
    await append('trainee-trn-kim', 'AssessmentRecorded', {
      assessmentId: 'a-1',
      traineeId: 'trn-kim',
      type: 'CbD',
      outcome: 'satisfactory',
      assessorId: 'sup-1',
      performedOn: daysAgo(2),
    });
    const scope = new EventScope(store, new PolicyFacts(store, {} as ReadModels));
    const [, , assessment] = await store.readStream('trainee-trn-kim');
    const audience = await scope.audience(assessment!);
    expect(audience.institutionIds).toEqual(['salford']);
  });
});
