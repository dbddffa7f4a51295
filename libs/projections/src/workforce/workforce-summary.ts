import { documentProjection, parseDocs } from '../runner/document-projection';
import { table } from '../runner/projection';
import { activeTables } from '../runner/projection-versions';
import { projectedSize, type ReadModelContext } from '../read-model-context';
import { workforceFold, type WorkforceDoc } from './workforce-fold';

export const WORKFORCE = 'workforce';

export const workforceProjection = documentProjection<WorkforceDoc>({
  name: WORKFORCE,
  version: 1,
  fold: workforceFold,
  columns: [{ name: 'kind', type: 'TEXT', value: (d) => d.kind }],
});

export interface WorkforceSummary {
  ledgerSize: number;
  traineesBySpecialtyAndStage: { specialty: string; stage: string; trainees: number }[];
  /** Credentials issued per calendar year of issue (revoked ones included: they were granted). */
  credentialsGrantedPerYear: { year: string; credentials: number }[];
  /** Distinct trainees holding an active credential, by their current institution. */
  credentialedOperatorsPerInstitution: { institutionId: string; operators: number }[];
}

/** Pure summary of the workforce documents. */
export function summariseWorkforce(
  docs: Iterable<WorkforceDoc>,
  ledgerSize: number,
): WorkforceSummary {
  const trainees = new Map<string, Extract<WorkforceDoc, { kind: 'trainee' }>>();
  const credentials: Extract<WorkforceDoc, { kind: 'credential' }>[] = [];
  for (const doc of docs) {
    if (doc.kind === 'trainee') trainees.set(doc.traineeId, doc);
    else credentials.push(doc);
  }
  const count = <K extends string>(keys: K[]): Map<K, number> => {
    const counts = new Map<K, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const byGroup = count([...trainees.values()].map((t) => JSON.stringify([t.specialty, t.stage])));
  const byYear = count(credentials.map((c) => c.issuedOn.slice(0, 4)));
  const operators = new Map<string, Set<string>>();
  for (const credential of credentials) {
    if (credential.status !== 'active') continue;
    const institutionId = trainees.get(credential.traineeId)?.institutionId ?? 'unknown';
    const set = operators.get(institutionId) ?? new Set<string>();
    set.add(credential.traineeId);
    operators.set(institutionId, set);
  }
  return {
    ledgerSize,
    traineesBySpecialtyAndStage: [...byGroup]
      .map(([key, n]) => {
        const [specialty, stage] = JSON.parse(key) as [string, string];
        return { specialty, stage, trainees: n };
      })
      .sort((a, b) => a.specialty.localeCompare(b.specialty) || a.stage.localeCompare(b.stage)),
    credentialsGrantedPerYear: [...byYear]
      .map(([year, n]) => ({ year, credentials: n }))
      .sort((a, b) => a.year.localeCompare(b.year)),
    credentialedOperatorsPerInstitution: [...operators]
      .map(([institutionId, set]) => ({ institutionId, operators: set.size }))
      .sort((a, b) => a.institutionId.localeCompare(b.institutionId)),
  };
}

/**
 * The workforce figures, national or (with `institutionId`) for the trainees currently at one
 * institution and their credentials: what an institutional reader is allowed to see.
 */
export function queryWorkforce(ctx: ReadModelContext, institutionId?: string): WorkforceSummary {
  const name = table(activeTables(ctx.db, WORKFORCE), 'workforce');
  const rows = ctx.db.prepare<[], { doc: string }>(`SELECT doc FROM ${name}`).all();
  const docs = parseDocs<WorkforceDoc>(rows);
  return summariseWorkforce(
    institutionId === undefined ? docs : atInstitution(docs, institutionId),
    projectedSize(ctx.db, WORKFORCE),
  );
}

function atInstitution(docs: Iterable<WorkforceDoc>, institutionId: string): WorkforceDoc[] {
  const all = [...docs];
  const here = new Set(
    all.flatMap((d) =>
      d.kind === 'trainee' && d.institutionId === institutionId ? [d.traineeId] : [],
    ),
  );
  return all.filter((d) => here.has(d.traineeId));
}

/** A trainee's current institution (for read authorisation), or undefined when not enrolled. */
export function traineeInstitution(ctx: ReadModelContext, traineeId: string): string | undefined {
  const name = table(activeTables(ctx.db, WORKFORCE), 'workforce');
  const row = ctx.db
    .prepare<[string], { doc: string }>(`SELECT doc FROM ${name} WHERE key = ?`)
    .get(`trainee:${traineeId}`);
  const doc = row ? (JSON.parse(row.doc) as WorkforceDoc) : undefined;
  return doc?.kind === 'trainee' ? doc.institutionId : undefined;
}
