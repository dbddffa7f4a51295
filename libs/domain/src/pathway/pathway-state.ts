import type { DomainEvent } from '../events';

export interface PublishedVersion {
  version: string;
  contentHash: string;
}

export type PathwayState =
  | { status: 'unpublished' }
  | {
      status: 'published';
      pathwayId: string;
      versions: PublishedVersion[];
      latest: PublishedVersion;
    };

export function initialPathwayState(): PathwayState {
  return { status: 'unpublished' };
}

export function evolvePathway(state: PathwayState, event: DomainEvent): PathwayState {
  if (event.type !== 'PolicyPublished') return state;
  const { pathwayId, version, contentHash } = event.data;
  const published = { version, contentHash };
  const versions = state.status === 'published' ? [...state.versions, published] : [published];
  return { status: 'published', pathwayId, versions, latest: published };
}

export function publishedVersion(
  state: PathwayState,
  version: string,
): PublishedVersion | undefined {
  return state.status === 'published'
    ? state.versions.find((v) => v.version === version)
    : undefined;
}
