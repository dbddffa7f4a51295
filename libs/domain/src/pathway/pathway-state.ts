import type { DomainEvent } from '../events';
import { panelRuleOf, type PanelRule } from '../panel/panel-rule';

export interface PublishedVersion {
  version: string;
  contentHash: string;
  /** The document's panel section; absent: a single member decides. */
  panel?: PanelRule;
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
  const { pathwayId, version, contentHash, document } = event.data;
  const panel = panelRuleOf(document);
  const published: PublishedVersion = { version, contentHash, ...(panel && { panel }) };
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
