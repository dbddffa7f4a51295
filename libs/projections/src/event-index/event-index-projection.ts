import type Database from 'better-sqlite3';
import { str, type LedgerEvent } from '../events/ledger-event';
import {
  table,
  type Projection,
  type ProjectionWriter,
  type TableNames,
} from '../runner/projection';

export const EVENT_INDEX = 'event-index';

/** Index keys: the events a time-travel query needs, without scanning the ledger. */
export const indexKey = {
  trainee: (id: string): string => `trainee:${id}`,
  institution: (id: string): string => `institution:${id}`,
  decision: (id: string): string => `decision:${id}`,
  /** Supervisor accreditations and published policies: every trainee's evaluation may need them. */
  global: 'global',
} as const;

const GLOBAL_TYPES = new Set([
  'SupervisorAccredited',
  'SupervisorAccreditationRevoked',
  'PolicyPublished',
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
  return [...keys];
}

export const eventIndexProjection: Projection = {
  name: EVENT_INDEX,
  version: 1,
  tables: ['event_index', 'case_institution', 'application_trainee'],
  create(db: Database.Database, names: TableNames): void {
    db.exec(`CREATE TABLE ${table(names, 'event_index')} (
      key TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (key, position)) WITHOUT ROWID`);
    db.exec(
      `CREATE TABLE ${table(names, 'case_institution')} (case_id TEXT PRIMARY KEY, institution_id TEXT NOT NULL)`,
    );
    db.exec(`CREATE TABLE ${table(names, 'application_trainee')} (
      application_id TEXT PRIMARY KEY, trainee_id TEXT NOT NULL)`);
  },
  attach(db: Database.Database, names: TableNames): ProjectionWriter {
    const insert = db.prepare(
      `INSERT OR IGNORE INTO ${table(names, 'event_index')} (key, position) VALUES (?, ?)`,
    );
    const caseTable = table(names, 'case_institution');
    const appTable = table(names, 'application_trainee');
    const putCase = db.prepare(
      `INSERT OR REPLACE INTO ${caseTable} (case_id, institution_id) VALUES (?, ?)`,
    );
    const getCase = db.prepare<[string], { institution_id: string }>(
      `SELECT institution_id FROM ${caseTable} WHERE case_id = ?`,
    );
    const putApp = db.prepare(
      `INSERT OR REPLACE INTO ${appTable} (application_id, trainee_id) VALUES (?, ?)`,
    );
    const getApp = db.prepare<[string], { trainee_id: string }>(
      `SELECT trainee_id FROM ${appTable} WHERE application_id = ?`,
    );
    const lookups: IndexLookups = {
      caseInstitution: (caseId) => getCase.get(caseId)?.institution_id,
      applicationTrainee: (applicationId) => getApp.get(applicationId)?.trainee_id,
    };
    return {
      apply(event: LedgerEvent): void {
        const caseId = str(event.data, 'caseId');
        const institutionId = str(event.data, 'institutionId');
        if (event.type === 'CaseLogged' && caseId !== undefined && institutionId !== undefined)
          putCase.run(caseId, institutionId);
        const applicationId = str(event.data, 'applicationId');
        const traineeId = str(event.data, 'traineeId');
        if (
          event.type === 'CredentialApplicationSubmitted' &&
          applicationId !== undefined &&
          traineeId !== undefined
        )
          putApp.run(applicationId, traineeId);
        for (const key of indexKeys(event, lookups)) insert.run(key, event.position);
      },
      // Writes go straight to SQLite inside the batch transaction; nothing is buffered.
      flush(): void {},
      reset(): void {},
    };
  },
};
