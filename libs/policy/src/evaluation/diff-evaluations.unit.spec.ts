import { buildHistory, logStep } from '../testing/history-steps';
import { smallTargetsPathway } from '../testing/small-targets-pathway';
import { diffEvaluations } from './diff-evaluations';
import { evaluate } from './evaluate';
import type { Evaluation } from './evaluation';

const ON = { evaluatedOn: '2026-12-31' };
const base = (): Evaluation =>
  evaluate(
    smallTargetsPathway,
    'trainee-a',
    buildHistory([logStep(), logStep(), { kind: 'sign', caseRef: 0 }]),
    ON,
  );

describe('diffEvaluations', () => {
  it('finds nothing between an evaluation and its faithful replay', () => {
    const recorded = JSON.parse(JSON.stringify(base())) as Evaluation;
    expect(diffEvaluations(recorded, base())).toEqual({
      identical: true,
      header: [],
      requirements: [],
    });
  });

  it('reports a moved count and the events that entered the provenance, requirement by requirement', () => {
    const recorded = base();
    const replayed = evaluate(
      smallTargetsPathway,
      'trainee-a',
      buildHistory([logStep(), logStep(), logStep(), { kind: 'sign', caseRef: 0 }]),
      ON,
    );
    const diff = diffEvaluations(recorded, replayed);
    expect(diff.identical).toBe(false);
    expect(diff.header).toEqual([]);
    const anyCase = diff.requirements.find((r) => r.id === 'any-case');
    expect(anyCase).toEqual({
      id: 'any-case',
      change: 'changed',
      fields: [
        { field: 'achieved', recorded: 2, replayed: 3 },
        { field: 'met', recorded: false, replayed: true },
      ],
      idLists: [
        { field: 'countedEventIds', onlyInRecorded: [], onlyInReplayed: ['e-5'] },
        // The sign-off is a different event in the replayed history (e-6 instead of e-5).
        { field: 'supportingEventIds', onlyInRecorded: ['e-5'], onlyInReplayed: ['e-6'] },
      ],
    });
  });

  it('reports header changes and requirements present on one side only', () => {
    const recorded = base();
    const replayed: Evaluation = {
      ...base(),
      pathwayVersion: '2.0.0',
      requirements: [
        ...base().requirements.slice(1),
        { ...base().requirements[0]!, id: 'renamed' },
      ],
    };
    const diff = diffEvaluations(recorded, replayed);
    expect(diff.header.map((h) => h.field)).toEqual(['pathwayVersion', 'requirementOrder']);
    expect(diff.requirements).toEqual([
      { id: 'any-case', change: 'only-in-recorded', fields: [], idLists: [] },
      { id: 'renamed', change: 'only-in-replayed', fields: [], idLists: [] },
    ]);
  });
});
