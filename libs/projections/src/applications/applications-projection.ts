import { documentProjection, parseDocs } from '../runner/document-projection';
import { table } from '../runner/projection';
import { activeTables } from '../runner/projection-versions';
import type { ReadModelContext } from '../read-model-context';
import { applicationFold, openFlags, type ApplicationDoc } from './application-fold';

export const APPLICATIONS = 'applications';

export const applicationsProjection = documentProjection<ApplicationDoc>({
  name: APPLICATIONS,
  version: 1,
  fold: applicationFold,
  columns: [
    { name: 'status', type: 'TEXT', value: (d) => d.status, indexed: true },
    { name: 'pathway_id', type: 'TEXT', value: (d) => d.pathwayId },
    { name: 'submitted_on', type: 'TEXT', value: (d) => d.submittedOn },
    { name: 'open_flags', type: 'INTEGER', value: (d) => openFlags(d).length, indexed: true },
  ],
});

/** Application documents matching a SQL condition on the projection's columns. */
export function selectApplications(
  ctx: ReadModelContext,
  where: string,
  params: readonly (string | number)[],
): ApplicationDoc[] {
  const name = table(activeTables(ctx.db, APPLICATIONS), 'applications');
  const rows = ctx.db
    .prepare<unknown[], { doc: string }>(
      `SELECT doc FROM ${name} WHERE ${where} ORDER BY submitted_on, key`,
    )
    .all(...params);
  return parseDocs<ApplicationDoc>(rows);
}

export function applicationDoc(
  ctx: ReadModelContext,
  applicationId: string,
): ApplicationDoc | undefined {
  return selectApplications(ctx, 'key = ?', [applicationId])[0];
}
