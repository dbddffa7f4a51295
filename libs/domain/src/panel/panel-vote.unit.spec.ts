import type { DomainEvent, EventOf } from '../events';
import type { CastPanelVote } from '../credential/credential-commands';
import {
  decided,
  decision,
  HASH,
  pathway,
  spec,
  submitted,
} from '../credential/credential.spec-fixtures';
import { evolvePathway, initialPathwayState } from '../pathway/pathway-state';
import { fold } from '../shared/decider';
import { actor, contextFor, TODAY } from '../testing/fixtures';
import type { PanelConflicts } from './panel-rule';

// A pathway version whose panel section asks two members to concur and recuses the
// applicant's institutions.
const twoMemberPathway = fold({ evolve: evolvePathway, initialState: initialPathwayState }, [
  {
    type: 'PolicyPublished',
    data: {
      pathwayId: 'rcr-mt',
      version: '1',
      contentHash: HASH,
      document: { panel: { quorum: 2, excludeTraineeInstitutions: true } },
    },
  },
]);
const member = (id: string, institution = 'inst-west') =>
  contextFor(actor('panel', id, institution), { pathway: twoMemberPathway });
const NO_CONFLICTS: PanelConflicts = {
  evidenceSignerIds: [],
  supervisorIds: [],
  institutionIds: [],
};
const CONFLICTS: PanelConflicts = {
  evidenceSignerIds: ['inr-1'],
  supervisorIds: ['inr-1', 'inr-2'],
  institutionIds: ['inst-north'],
};

function vote(panelMemberId: string, overrides: Partial<CastPanelVote> = {}): CastPanelVote {
  const { type: _t, ...rest } = decision({ panelMemberId, decisionId: `d-${panelMemberId}` });
  return { type: 'CastPanelVote', ...rest, conflicts: CONFLICTS, ...overrides };
}
function voted(
  panelMemberId: string,
  overrides: Partial<EventOf<'PanelVoteCast'>['data']> = {},
): EventOf<'PanelVoteCast'> {
  return {
    type: 'PanelVoteCast',
    data: {
      applicationId: 'app-1',
      traineeId: 'trainee-1',
      panelMemberId,
      institutionId: 'inst-west',
      outcome: 'granted',
      reasons: 'All requirements met.',
      ledgerSize: 412,
      evaluationMet: true,
      round: 0,
      votedOn: TODAY,
      ...overrides,
    },
  };
}

describe('a panel of two', () => {
  it("the first member's vote is recorded and decides nothing", () => {
    spec
      .given([submitted])
      .when(vote('panel-1'), member('panel-1'))
      .then([voted('panel-1')]);
  });

  it('the second concurring vote reaches the quorum and records the decision naming both', () => {
    const state = spec
      .given([submitted, voted('panel-1')])
      .when(vote('panel-2'), member('panel-2'))
      .then([
        voted('panel-2'),
        decided({
          decisionId: 'd-panel-2',
          panelMemberId: 'panel-2',
          concurringMemberIds: ['panel-1', 'panel-2'],
        }),
      ]);
    expect(state.status).toBe('granted');
  });

  it('a dissenting vote does not count towards the quorum of another outcome', () => {
    const refusal = { outcome: 'refused', reasons: 'Too few cases.' } as const;
    spec
      .given([submitted, voted('panel-1', refusal)])
      .when(vote('panel-2'), member('panel-2'))
      .then([voted('panel-2')]);
    spec
      .given([submitted, voted('panel-1', refusal), voted('panel-2')])
      .when(vote('panel-3', refusal), member('panel-3'))
      .then([
        voted('panel-3', refusal),
        decided({
          ...refusal,
          decisionId: 'd-panel-3',
          panelMemberId: 'panel-3',
          concurringMemberIds: ['panel-1', 'panel-3'],
        }),
      ]);
  });

  it('nobody votes twice in a round; a deferral starts a new round', () => {
    spec
      .given([submitted, voted('panel-1')])
      .when(vote('panel-1'), member('panel-1'))
      .thenFails('PANEL_MEMBER_ALREADY_VOTED');
    const deferral = { outcome: 'deferred', reasons: 'Await two more sign-offs.' } as const;
    const deferredByTwo: DomainEvent[] = [
      submitted,
      voted('panel-1', deferral),
      voted('panel-2', deferral),
      decided({ ...deferral, decisionId: 'd-0', concurringMemberIds: ['panel-1', 'panel-2'] }),
    ];
    spec
      .given(deferredByTwo)
      .when(vote('panel-1'), member('panel-1'))
      .then([voted('panel-1', { round: 1 })]);
  });

  it('one member alone may not record the decision', () => {
    spec.given([submitted]).when(decision(), member('panel-1')).thenFails('PANEL_VOTES_REQUIRED');
  });

  it('after the decision, votes are refused', () => {
    spec
      .given([submitted, decided()])
      .when(vote('panel-1'), member('panel-1'))
      .thenFails('DECISION_ALREADY_RECORDED');
  });

  it('a grant vote against an unmet evaluation needs an override reason, as a decision does', () => {
    spec
      .given([submitted])
      .when(vote('panel-1', { evaluation: { met: false } }), member('panel-1'))
      .thenFails('OVERRIDE_REASON_REQUIRED');
  });
});

describe('who may not sit', () => {
  it('a member who signed off evidence the application counts is refused', () => {
    spec
      .given([submitted])
      .when(vote('inr-1'), member('inr-1'))
      .thenFails('PANEL_MEMBER_SIGNED_EVIDENCE');
  });

  it("one of the trainee's supervisors is refused", () => {
    spec
      .given([submitted])
      .when(vote('inr-2'), member('inr-2'))
      .thenFails('PANEL_MEMBER_SUPERVISES_TRAINEE');
  });

  it("a member from the trainee's institution is refused where the pathway says so", () => {
    spec
      .given([submitted])
      .when(vote('panel-1'), member('panel-1', 'inst-north'))
      .thenFails('PANEL_MEMBER_INSTITUTION_CONFLICT');
  });

  it('without a panel section one member decides, and evidence signers still may not', () => {
    const single = (id: string) => contextFor(actor('panel', id, 'inst-north'), { pathway });
    spec
      .given([submitted])
      .when(decision({ conflicts: CONFLICTS }), single('panel-1'))
      .then([decided()]);
    spec
      .given([submitted])
      .when(decision({ panelMemberId: 'inr-1', conflicts: CONFLICTS }), single('inr-1'))
      .thenFails('PANEL_MEMBER_SIGNED_EVIDENCE');
    // A vote on such a pathway is the decision: a quorum of one.
    spec
      .given([submitted])
      .when(vote('panel-1', { conflicts: NO_CONFLICTS }), single('panel-1'))
      .then([
        voted('panel-1', { institutionId: 'inst-north' }),
        decided({ decisionId: 'd-panel-1', concurringMemberIds: ['panel-1'] }),
      ]);
  });
});
