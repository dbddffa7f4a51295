/**
 * Session lock held by the one replica that applies events to the shared read models. Its own
 * numbers (migrations 0x696e7201, appends 0x696e7202, the tree 0x696e7203): a synchronous call
 * blocks the event loop, so it must never wait for a lock that asynchronous code of the same
 * process holds. The write lock is transaction-scoped and only read-model connections take it.
 */
export const READ_MODELS_LEAD_LOCK = 0x696e7211;
export const READ_MODELS_WRITE_LOCK = 0x696e7210;

/** Raised when a replica that no longer leads (or lost its connection) tries to commit a batch. */
export const NOT_LEADING = 'IRM01';

/**
 * The read models' own tables in PostgreSQL. Projection tables are created by the runner per
 * version (blue/green), like in the SQLite file; projection_versions and the checkpoint function
 * are shared schema. Never edit a shipped migration: add one.
 */
export const READ_MODEL_MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS projection_versions (
     name       text    NOT NULL,
     version    integer NOT NULL,
     status     text    NOT NULL CHECK (status IN ('active', 'building', 'retired')),
     checkpoint bigint  NOT NULL DEFAULT 0,
     applied    bigint  NOT NULL DEFAULT 0,
     tables     text    NOT NULL,
     PRIMARY KEY (name, version)
   );
   -- Moves a projection's checkpoint in the batch's transaction, only from where this batch
   -- started and only on the connection holding the lead lock: a batch applied by a replica
   -- that lost the lead, or applied twice, rolls back with everything it wrote.
   CREATE FUNCTION inr_projection_checkpoint(p_name text, p_version integer, p_from bigint,
                                             p_to bigint, p_applied bigint) RETURNS integer AS $$
   BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()
                    AND classid = 0 AND objid = ${READ_MODELS_LEAD_LOCK} AND objsubid = 1 AND granted) THEN
       RAISE EXCEPTION 'read models: this replica does not hold the projection lock'
         USING ERRCODE = '${NOT_LEADING}';
     END IF;
     UPDATE projection_versions SET checkpoint = p_to, applied = applied + p_applied
      WHERE name = p_name AND version = p_version AND checkpoint = p_from;
     IF NOT FOUND THEN
       RAISE EXCEPTION 'read models: % v% is no longer at %', p_name, p_version, p_from
         USING ERRCODE = '${NOT_LEADING}';
     END IF;
     RETURN 1;
   END $$ LANGUAGE plpgsql;`,
];
