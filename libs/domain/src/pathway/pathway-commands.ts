import type { PolicyPublished } from '../events';

/**
 * Publishes a pathway document (libs/policy's format) under a new version. The caller computes
 * `contentHash` (SHA-256 of the canonical JSON); the domain has no crypto and checks only its form.
 */
export type PublishPathway = { type: 'PublishPathway'; changeNote: string } & Omit<
  PolicyPublished,
  'publishedBy' | 'publishedOn' | 'changeNote'
>;

export type PathwayCommand = PublishPathway;
