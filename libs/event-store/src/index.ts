export * from './port/event-store';
export * from './port/errors';
export {
  validateAppend,
  validateStreamId,
  validateExpectedRevision,
} from './validation/validate-append';
export type { ValidatedAppend, ValidatedEvent } from './validation/validate-append';
export { validatePositions, validateReadAll, validateReadStream } from './validation/validate-read';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
export type { SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { MIGRATIONS } from './sqlite/migrations';
export { EventStoreDbStore } from './eventstoredb/eventstoredb-store';
export type { EventStoreDbStoreOptions } from './eventstoredb/eventstoredb-store';
export { PostgresEventStore } from './postgres/postgres-event-store';
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { openPool } from './postgres/pg-pool';
export type { PostgresConnection } from './postgres/pg-pool';
export { migrateDatabase, migratePostgres } from './postgres/postgres-migrations';
export type { Migrations } from './postgres/postgres-migrations';
export { openEventStore } from './open-event-store';
export type { EventStoreConfig } from './open-event-store';
export { appendVerbatim, readVerbatimEvents, VerbatimAppendError } from './sqlite/verbatim-events';
export type { VerbatimEvent } from './sqlite/verbatim-events';
export { copyEventsToPostgres } from './postgres/copy-events-to-postgres';
export type { CopyProgress, CopyResult } from './postgres/copy-events-to-postgres';
export {
  privateDatabaseFile,
  privateDir,
  tightenDataDir,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
} from './files/private-files';
