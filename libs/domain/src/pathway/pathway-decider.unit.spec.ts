import type { DomainEvent } from '../events';
import { actor, contextFor } from '../testing/fixtures';
import { specification } from '../testing/specification';
import type { PublishPathway } from './pathway-commands';
import { pathwayDecider } from './pathway-decider';
import { comparePathwayVersions } from './pathway-version';

const spec = specification(pathwayDecider);
const admin = contextFor(actor('admin', 'admin-1'));
const HASH = 'a'.repeat(64);

function publish(version: string, extra: Partial<PublishPathway> = {}): PublishPathway {
  return {
    type: 'PublishPathway',
    pathwayId: 'rcr-mt-credential',
    version,
    contentHash: HASH,
    document: { id: 'rcr-mt-credential', version, requirements: [] },
    ...extra,
  };
}
function published(version: string): DomainEvent {
  const { type: _t, ...data } = publish(version);
  return { type: 'PolicyPublished', data };
}

describe('publishing a pathway', () => {
  it('an administrator publishes a first version', () => {
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
      .when(publish('2', { document: { id: 'other', version: '2' } }), admin)
      .thenFails('PATHWAY_DOCUMENT_MISMATCH');
    spec
      .given()
      .when(publish('2', { document: { id: 'rcr-mt-credential', version: '3' } }), admin)
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
  });
});
