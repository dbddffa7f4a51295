import type { DomainEvent } from '../events';
import type { Actor } from '../shared/context';
import { actor, contextFor, pathwayFacts, TODAY } from '../testing/fixtures';
import { specification } from '../testing/specification';
import type { PublishPathway } from './pathway-commands';
import { pathwayDecider } from './pathway-decider';
import { comparePathwayVersions } from './pathway-version';

const spec = specification(pathwayDecider);
const rcrPublisher: Actor = { ...actor('accreditor', 'pub-1', 'rcr-office'), issuer: 'rcr' };
/** The pathway id is shipped in the catalogue, owned by the RCR. */
const shipped = [pathwayFacts({ pathwayId: 'rcr-mt-credential', issuer: 'rcr' })];
const admin = contextFor(rcrPublisher, { pathways: shipped });
const HASH = 'a'.repeat(64);

function publish(version: string, extra: Partial<PublishPathway> = {}): PublishPathway {
  return {
    type: 'PublishPathway',
    pathwayId: 'rcr-mt-credential',
    version,
    contentHash: HASH,
    document: { id: 'rcr-mt-credential', version, issuer: 'rcr', requirements: [] },
    changeNote: `Version ${version}`,
    ...extra,
  };
}

function published(version: string): DomainEvent {
  const { type: _t, changeNote, ...data } = publish(version);
  return {
    type: 'PolicyPublished',
    data: { ...data, publishedBy: 'pub-1', publishedOn: TODAY, changeNote },
  };
}

describe('who may publish a pathway', () => {
  it('a publisher of the issuing body publishes, and the event says who, when and why', () => {
    spec
      .given()
      .when(publish('1.0'), admin)
      .then([published('1.0')]);
  });

  it('a trust accreditor cannot publish a version of an RCR pathway', () => {
    const trust = { ...actor('accreditor', 'acc-trust', 'inst-north'), issuer: 'inst-north' };
    spec
      .given()
      .when(publish('1.0.1'), contextFor(trust, { pathways: shipped }))
      .thenFails('NOT_A_PUBLISHER_FOR_ISSUER');
    spec
      .given()
      .when(publish('1.0.1'), contextFor(actor('accreditor', 'acc-2'), { pathways: shipped }))
      .thenFails('NOT_A_PUBLISHER_FOR_ISSUER');
  });

  it("nobody re-issues a body's pathway id under another issuer", () => {
    const trust = { ...actor('accreditor', 'acc-trust', 'inst-north'), issuer: 'inst-north' };
    const renamed = publish('1.0.1', {
      document: { id: 'rcr-mt-credential', version: '1.0.1', issuer: 'inst-north' },
    });
    spec
      .given()
      .when(renamed, contextFor(trust, { pathways: shipped }))
      .thenFails('PATHWAY_OWNED_BY_ANOTHER_ISSUER');
  });

  it('a new pathway id belongs to the issuer of its first publication', () => {
    const trust = { ...actor('accreditor', 'acc-trust', 'inst-north'), issuer: 'inst-north' };
    const local = publish('1.0.0', {
      pathwayId: 'north-local',
      document: { id: 'north-local', version: '1.0.0', issuer: 'inst-north' },
    });
    const { type: _t, changeNote, ...data } = local;
    spec
      .given()
      .when(local, contextFor(trust))
      .then([
        {
          type: 'PolicyPublished',
          data: { ...data, publishedBy: 'acc-trust', publishedOn: TODAY, changeNote },
        },
      ]);
  });

  it('the document names its issuer and the version says what it changes', () => {
    spec
      .given()
      .when(publish('1.0', { document: { id: 'rcr-mt-credential', version: '1.0' } }), admin)
      .thenFails('PATHWAY_ISSUER_REQUIRED');
    spec
      .given()
      .when(publish('1.0', { changeNote: ' ' }), admin)
      .thenFails('CHANGE_NOTE_REQUIRED');
  });
});

describe('publishing a pathway', () => {
  it('a first version is published', () => {
    spec
      .given()
      .when(publish('1.0'), admin)
      .then([published('1.0')]);
  });

  it('a later version may follow', () => {
    spec
      .given([published('1.0')])
      .when(publish('1.10'), admin)
      .then([published('1.10')]);
  });

  it('the same version cannot be published twice', () => {
    spec
      .given([published('1.0')])
      .when(publish('1.0'), admin)
      .thenFails('PATHWAY_VERSION_ALREADY_PUBLISHED');
    spec
      .given([published('1.0')])
      .when(publish('1'), admin)
      .thenFails('PATHWAY_VERSION_ALREADY_PUBLISHED');
  });

  it('the version must increase', () => {
    spec
      .given([published('2.0')])
      .when(publish('1.9'), admin)
      .thenFails('PATHWAY_VERSION_NOT_INCREASING');
  });

  it('versions are dotted numbers and the hash is a SHA-256', () => {
    spec.given().when(publish('v2'), admin).thenFails('INVALID_PATHWAY_VERSION');
    spec
      .given()
      .when(publish('1', { contentHash: 'xyz' }), admin)
      .thenFails('INVALID_CONTENT_HASH');
  });

  it('the document must agree with the id and version it is published under', () => {
    spec
      .given()
      .when(publish('2', { document: { id: 'other', version: '2', issuer: 'rcr' } }), admin)
      .thenFails('PATHWAY_DOCUMENT_MISMATCH');
    spec
      .given()
      .when(
        publish('2', { document: { id: 'rcr-mt-credential', version: '3', issuer: 'rcr' } }),
        admin,
      )
      .thenFails('PATHWAY_DOCUMENT_MISMATCH');
  });

  it('a trainee cannot publish a pathway', () => {
    spec
      .given()
      .when(publish('1'), contextFor(actor('trainee', 't')))
      .thenFails('ROLE_NOT_PERMITTED');
  });

  it('versions compare part by part as numbers', () => {
    expect(comparePathwayVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(comparePathwayVersions('2', '2.0.0')).toBe(0);
    expect(comparePathwayVersions('2020.9', '2021.1')).toBeLessThan(0);
    // A shipped document's pre-release sorts below its release, as in semver.
    expect(comparePathwayVersions('1.2.0-rc1', '1.2.0')).toBeLessThan(0);
    expect(comparePathwayVersions('1.2.0-rc2', '1.2.0-rc1')).toBeGreaterThan(0);
    expect(comparePathwayVersions('1.2.0-rc1', '1.1.9')).toBeGreaterThan(0);
  });
});
