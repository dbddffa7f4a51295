import type { ReadModelDb } from '../store/read-model-db';
import { str, type LedgerEvent } from '../events/ledger-event';
import { GenerationCache } from '../runner/generation-cache';
import { columnType, upsertSql, withoutRowid } from '../store/sql-dialect';
import { ChunkWriter } from './chunk-writer';
import {
  table,
  type Projection,
  type ProjectionWriter,
  type TableNames,
} from '../runner/projection';

export const EVENT_INDEX = 'event-index';

/** Recently logged cases whose institution is remembered, per generation (two are kept). */
const CASE_CACHE_GENERATION = 20_000;

/** Index keys: the events a time-travel query needs, without scanning the ledger. */
export const indexKey = {
  trainee: (id: string): string => `trainee:${id}`,
  institution: (id: string): string => `institution:${id}`,
  decision: (id: string): string => `decision:${id}`,
  /** Every credential's life (issue, suspension, reinstatement, revocation) and granted decisions. */
  credentials: 'credentials',
  /** Supervisor accreditations and published policies: every trainee's evaluation may need them. */
  global: 'global',
} as const;

const GLOBAL_TYPES = new Set([
  'SupervisorAccredited',
  'SupervisorAccreditationRevoked',
  'PolicyPublished',
]);
const CREDENTIAL_TYPES = new Set([
  'CredentialIssued',
  'CredentialSuspended',
  'CredentialReinstated',
  'CredentialRevoked',
]);
const APPLICATION_TYPES = new Set([
  'CredentialSuspended',
  'CredentialReinstated',
  'CredentialRevoked',
]);

/** Resolves ids an event does not carry itself (a case's institution, an application's trainee). */
export interface IndexLookups {
  caseInstitution(caseId: string): string | undefined;
  applicationTrainee(applicationId: string): string | undefined;
}

/** The keys an event is filed under; pure apart from the lookups, so tests can call it alone. */
export function indexKeys(event: LedgerEvent, lookups: IndexLookups): string[] {
  const keys = new Set<string>();
  const data = event.data;
  const traineeId = str(data, 'traineeId');
  if (traineeId !== undefined) keys.add(indexKey.trainee(traineeId));
  if (event.type === 'SubjectDataErased') {
    const subject = str(data, 'subjectId');
    if (subject !== undefined) keys.add(indexKey.trainee(subject));
  }
  const caseId = str(data, 'caseId');
  if (caseId !== undefined && event.type.startsWith('Case')) {
    const institution = str(data, 'institutionId') ?? lookups.caseInstitution(caseId);
    if (institution !== undefined) keys.add(indexKey.institution(institution));
  }
  if (APPLICATION_TYPES.has(event.type)) {
    const trainee = lookups.applicationTrainee(str(data, 'applicationId') ?? '');
    if (trainee !== undefined) keys.add(indexKey.trainee(trainee));
  }
  if (event.type === 'CredentialDecisionRecorded') {
    const decisionId = str(data, 'decisionId');
    if (decisionId !== undefined) keys.add(indexKey.decision(decisionId));
  }
  if (GLOBAL_TYPES.has(event.type)) keys.add(indexKey.global);
  if (
    CREDENTIAL_TYPES.has(event.type) ||
    (event.type === 'CredentialDecisionRecorded' && str(data, 'outcome') === 'granted')
  )
    keys.add(indexKey.credentials);
  return [...keys];
}

export const eventIndexProjection: Projection = {
  name: EVENT_INDEX,
  // v2: positions packed in chunks (position-chunks.ts) instead of one row per key and event.
  // v3: the `credentials` key (portable credentials and their status lists).
  version: 3,
  tables: ['event_index', 'case_institution', 'application_trainee'],
  create(db: ReadModelDb, names: TableNames): void {
    const [text, int, blob] = ['TEXT', 'INTEGER', 'BLOB'].map((type) => columnType(db, type));
    // WITHOUT ROWID (SQLite): one B-tree per row instead of a table plus its key index.
    db.exec(`CREATE TABLE ${table(names, 'event_index')} (
      key ${text} NOT NULL, first ${int} NOT NULL, last ${int} NOT NULL, count ${int} NOT NULL,
      positions ${blob} NOT NULL, PRIMARY KEY (key, first))${withoutRowid(db)}`);
    db.exec(
      `CREATE TABLE ${table(names, 'case_institution')} (
        case_id ${text} PRIMARY KEY, institution_id ${text} NOT NULL)${withoutRowid(db)}`,
    );
    db.exec(`CREATE TABLE ${table(names, 'application_trainee')} (
      application_id ${text} PRIMARY KEY, trainee_id ${text} NOT NULL)`);
  },
  attach(db: ReadModelDb, names: TableNames): ProjectionWriter {
    const chunks = new ChunkWriter(db, table(names, 'event_index'));
    const caseTable = table(names, 'case_institution');
    const appTable = table(names, 'application_trainee');
    const putCase = db.prepare(
      upsertSql(db, caseTable, ['case_id', 'institution_id'], ['case_id']),
    );
    const getCase = db.prepare<[string], { institution_id: string }>(
      `SELECT institution_id FROM ${caseTable} WHERE case_id = ?`,
    );
    const putApp = db.prepare(
      upsertSql(db, appTable, ['application_id', 'trainee_id'], ['application_id']),
    );
    const getApp = db.prepare<[string], { trainee_id: string }>(
      `SELECT trainee_id FROM ${appTable} WHERE application_id = ?`,
    );
    // A case's later events come soon after it is logged: remembering recent cases saves a
    // SELECT per sign-off. Entries are written in the same transaction, so reset() drops them.
    const cases = new GenerationCache<string>(CASE_CACHE_GENERATION);
    const lookups: IndexLookups = {
      caseInstitution: (caseId) => cases.get(caseId) ?? getCase.get(caseId)?.institution_id,
      applicationTrainee: (applicationId) => getApp.get(applicationId)?.trainee_id,
    };
    return {
      apply(event: LedgerEvent): void {
        if (event.type === 'CaseLogged') {
          const caseId = str(event.data, 'caseId');
          const institutionId = str(event.data, 'institutionId');
          if (caseId !== undefined && institutionId !== undefined) {
            putCase.run(caseId, institutionId);
            cases.set(caseId, institutionId);
          }
        }
        if (event.type === 'CredentialApplicationSubmitted') {
          const applicationId = str(event.data, 'applicationId');
          const traineeId = str(event.data, 'traineeId');
          if (applicationId !== undefined && traineeId !== undefined)
            putApp.run(applicationId, traineeId);
        }
        for (const key of indexKeys(event, lookups)) chunks.add(key, event.position);
      },
      flush(): void {
        chunks.flush();
      },
      reset(): void {
        chunks.reset();
        cases.clear();
      },
    };
  },
};
