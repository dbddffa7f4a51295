import { admitCommand } from '../shared/admit-command';
import type { DomainEvent } from '../events';
import type { DecisionContext } from '../shared/context';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError } from '../shared/domain-error';
import type { PathwayCommand } from './pathway-commands';
import { evolvePathway, initialPathwayState, type PathwayState } from './pathway-state';
import { comparePathwayVersions, isPathwayVersion } from './pathway-version';

function documentMismatch(command: PathwayCommand): DomainError | undefined {
  // The document usually names itself; if it does, it must agree with the envelope, or a
  // verifier reading the document alone would see another pathway.
  const { id, version } = command.document;
  if (id !== undefined && id !== command.pathwayId) {
    return domainError('PATHWAY_DOCUMENT_MISMATCH', "The document's id differs from 'pathwayId'.");
  }
  if (version !== undefined && version !== command.version) {
    return domainError(
      'PATHWAY_DOCUMENT_MISMATCH',
      "The document's version differs from 'version'.",
    );
  }
  return undefined;
}

/**
 * Each pathway id belongs to one issuing body: the catalogue's issuer for a shipped id, else
 * the issuer of its first publication. Only an actor whose token carries that issuer publishes
 * its versions, so a trust cannot re-issue a college's pathway under the college's name.
 */
function ownership(command: PathwayCommand, context: DecisionContext): DomainError | undefined {
  const issuer = command.document['issuer'];
  if (typeof issuer !== 'string' || issuer.trim() === '') {
    return domainError(
      'PATHWAY_ISSUER_REQUIRED',
      "The document must name its issuing body's id in 'issuer'.",
    );
  }
  const owner = context.pathways?.find((p) => p.pathwayId === command.pathwayId)?.issuer;
  if (owner !== undefined && owner !== issuer) {
    return domainError(
      'PATHWAY_OWNED_BY_ANOTHER_ISSUER',
      `Pathway '${command.pathwayId}' belongs to '${owner}'; a document issued by '${issuer}' cannot be a version of it.`,
    );
  }
  return context.actor.issuer === issuer
    ? undefined
    : domainError(
        'NOT_A_PUBLISHER_FOR_ISSUER',
        `Only a publisher for '${issuer}' (an issuer claim of '${issuer}' in the token) may publish this pathway.`,
      );
}

function decide(
  command: PathwayCommand,
  state: PathwayState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const { type: _type, changeNote, ...rest } = command;
  const data = {
    ...rest,
    publishedBy: context.actor.subject,
    publishedOn: context.today,
    changeNote: changeNote.trim(),
  };
  return (
    admitCommand(command, context.actor) ??
    ownership(command, context) ??
    (changeNote.trim() === ''
      ? domainError('CHANGE_NOTE_REQUIRED', "'changeNote' must say what this version changes.")
      : undefined) ??
    (isPathwayVersion(data.version)
      ? undefined
      : domainError(
          'INVALID_PATHWAY_VERSION',
          "'version' must be dotted whole numbers, e.g. '2.1'.",
        )) ??
    (/^[0-9a-f]{64}$/.test(data.contentHash)
      ? undefined
      : domainError('INVALID_CONTENT_HASH', "'contentHash' must be a lower-case hex SHA-256.")) ??
    documentMismatch(command) ??
    (state.status === 'published' &&
    state.versions.some((v) => comparePathwayVersions(v.version, data.version) === 0)
      ? domainError(
          'PATHWAY_VERSION_ALREADY_PUBLISHED',
          `Version ${data.version} is already published.`,
        )
      : undefined) ??
    (state.status === 'published' && comparePathwayVersions(data.version, state.latest.version) < 0
      ? domainError(
          'PATHWAY_VERSION_NOT_INCREASING',
          `Version ${data.version} is older than the published ${state.latest.version}.`,
        )
      : undefined) ?? [{ type: 'PolicyPublished', data }]
  );
}

export const pathwayDecider: Decider<PathwayCommand, PathwayState> = {
  decide,
  evolve: evolvePathway,
  initialState: initialPathwayState,
};
