import type { CaseLogged } from '@inr/domain';
import { OPERATOR_ROLES, PROCEDURES, SUPERVISION_LEVELS } from '@inr/domain';
import fc from 'fast-check';
import { catalogue } from '../catalogue/catalogue';
import type { HistoryEvent } from '../history/history-event';
import { historyArbitrary } from '../testing/history-arbitrary';
import {
  appendEvent,
  caseDetailsFor,
  EVALUATED_ON,
  HISTORY_DAYS,
  HISTORY_START,
  OTHER_TRAINEE,
  SUBJECT_TRAINEE,
} from '../testing/history-steps';
import { smallTargetsPathway } from '../testing/small-targets-pathway';
import { addDays } from '../dates/iso-date';
import { evaluate } from './evaluate';
import type { Evaluation } from './evaluation';

const PATHWAYS = [smallTargetsPathway, ...catalogue];
const ON = { evaluatedOn: EVALUATED_ON };
const RUNS = 1000;

const evaluateAll = (history: readonly HistoryEvent[]): Evaluation[] =>
  PATHWAYS.map((p) => evaluate(p, SUBJECT_TRAINEE, history, ON));

const renumber = (history: readonly HistoryEvent[]): HistoryEvent[] =>
  history.map((e, position) => ({ ...e, position }));

const dataOf = (event: HistoryEvent): CaseLogged => event.data as CaseLogged;

describe('evaluate: properties over generated trainee histories', () => {
  it('is deterministic: the same input gives byte-identical JSON', () => {
    fc.assert(
      fc.property(historyArbitrary(), (history) => {
        const copy = JSON.parse(JSON.stringify(history)) as HistoryEvent[];
        expect(JSON.stringify(evaluateAll(copy))).toBe(JSON.stringify(evaluateAll(history)));
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of the input array, only on positions', () => {
    const shuffled = historyArbitrary().chain((history) =>
      fc.tuple(
        fc.constant(history),
        fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([history, permuted]) => {
        expect(JSON.stringify(evaluateAll(permuted))).toBe(JSON.stringify(evaluateAll(history)));
      }),
      { numRuns: RUNS },
    );
  });

  it('is unchanged by an event about another trainee, wherever it lands', () => {
    const withIntruder = historyArbitrary().chain((history) =>
      fc.tuple(
        fc.constant(history),
        fc.nat({ max: history.length }),
        fc.constantFrom(...PROCEDURES),
        fc.integer({ min: 0, max: HISTORY_DAYS }),
      ),
    );
    fc.assert(
      fc.property(withIntruder, ([history, at, procedure, day]) => {
        const intruder: HistoryEvent = {
          position: 0,
          id: 'intruder',
          type: 'CaseLogged',
          recordedAt: '2026-01-01T00:00:00.000Z',
          data: {
            ...sampleCase().data,
            caseId: 'case-intruder',
            traineeId: OTHER_TRAINEE,
            procedure,
            details: caseDetailsFor(procedure, true),
            performedOn: addDays(HISTORY_START, day),
          },
        };
        const before = evaluateAll(renumber(history));
        const after = evaluateAll(
          renumber([...history.slice(0, at), intruder, ...history.slice(at)]),
        );
        expect(JSON.stringify(after)).toBe(JSON.stringify(before));
      }),
      { numRuns: RUNS },
    );
  });

  it('retracting a counted case lowers that count by exactly one', () => {
    fc.assert(
      fc.property(historyArbitrary(), fc.nat(), (history, choice) => {
        const before = evaluateAll(history);
        const counted = before.flatMap((e) => e.requirements.flatMap((r) => r.countedEventIds));
        const logged = history.filter((e) => e.type === 'CaseLogged' && counted.includes(e.id));
        fc.pre(logged.length > 0);
        const victim = logged[choice % logged.length]!;
        const { caseId, traineeId } = dataOf(victim);
        const after = evaluateAll(
          appendEvent(history, 'CaseRetracted', { caseId, traineeId, reason: 'error' }),
        );
        // Plain checks collected per run: one expect per run keeps thousands of runs fast.
        const violations: string[] = [];
        before.forEach((evaluation, p) => {
          evaluation.requirements.forEach((r, i) => {
            const a = after[p]!.requirements[i]!;
            const where = `${evaluation.pathwayId}/${r.id}`;
            if (r.kind === 'cases') {
              const was = r.countedEventIds.includes(victim.id);
              if (a.achieved !== r.achieved - (was ? 1 : 0))
                violations.push(`${where}: ${r.achieved} -> ${a.achieved}`);
              const expected = r.countedEventIds.filter((id) => id !== victim.id);
              if (JSON.stringify(a.countedEventIds) !== JSON.stringify(expected))
                violations.push(`${where}: ids`);
            }
            r.alternatives.forEach((alt, k) => {
              const now = a.alternatives[k]!.achieved;
              if (now !== alt.achieved && now !== alt.achieved - 1)
                violations.push(`${where}[${k}]: ${alt.achieved} -> ${now}`);
            });
          });
        });
        expect(violations).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a signed-off case never lowers any count nor unmeets a requirement', () => {
    const newCase = fc.record({
      procedure: fc.constantFrom(...PROCEDURES),
      operatorRole: fc.constantFrom(...OPERATOR_ROLES),
      supervisionLevel: fc.constantFrom(...SUPERVISION_LEVELS),
      institutionId: fc.constantFrom('inst-example-trust', 'inst-north', 'inst-south'),
      day: fc.integer({ min: 0, max: HISTORY_DAYS }),
    });
    fc.assert(
      fc.property(historyArbitrary(), newCase, (history, c) => {
        const before = evaluateAll(history);
        const logged: CaseLogged = {
          ...sampleCase().data,
          caseId: 'case-added',
          procedure: c.procedure,
          details: caseDetailsFor(c.procedure, false),
          operatorRole: c.operatorRole,
          supervisionLevel: c.supervisionLevel,
          institutionId: c.institutionId,
          performedOn: addDays(HISTORY_START, c.day),
        };
        const withCase = appendEvent(history, 'CaseLogged', logged, 'added-case');
        const signed = appendEvent(withCase, 'CaseSignedOff', {
          caseId: 'case-added',
          traineeId: SUBJECT_TRAINEE,
          supervisorId: logged.supervisorId ?? 'sup',
          signedOn: EVALUATED_ON,
        });
        const after = evaluateAll(signed);
        const violations: string[] = [];
        before.forEach((evaluation, p) => {
          evaluation.requirements.forEach((r, i) => {
            const a = after[p]!.requirements[i]!;
            const where = `${evaluation.pathwayId}/${r.id}`;
            if (r.met && !a.met) violations.push(`${where}: no longer met`);
            r.alternatives.forEach((alt, k) => {
              if (a.alternatives[k]!.achieved < alt.achieved)
                violations.push(`${where}[${k}]: lowered`);
            });
            if (r.kind !== 'maintenance') {
              if (a.achieved < r.achieved)
                violations.push(`${where}: ${r.achieved} -> ${a.achieved}`);
              if (r.countedEventIds.some((id) => !a.countedEventIds.includes(id)))
                violations.push(`${where}: lost ids`);
            }
          });
        });
        expect(violations).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

function sampleCase(): { data: CaseLogged } {
  return {
    data: {
      caseId: 'case-sample',
      traineeId: SUBJECT_TRAINEE,
      institutionId: 'inst-north',
      procedure: 'mechanical-thrombectomy',
      performedOn: '2025-01-01',
      operatorRole: 'primary-supervised',
      supervisorId: 'sup-1',
      supervisionLevel: 2,
      localRef: 'REF-X',
      details: {
        procedure: 'mechanical-thrombectomy',
        occlusionSite: 'M1',
        tandemLesion: false,
        technique: 'contact-aspiration',
        balloonGuideCatheter: false,
        rescueStenting: false,
        eticiByPass: ['3'],
        finalEtici: '3',
        times: {},
        complications: [],
      },
    },
  };
}
