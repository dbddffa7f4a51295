/**
 * The ledger's tables in the shared PostgreSQL database: the same content as ledger.sqlite
 * (see SqliteHashStore), one set for all replicas. Never edit a shipped migration: add one.
 */
export const LEDGER_MIGRATIONS: readonly string[] = [
  `CREATE TABLE ledger_subtrees (
     level integer NOT NULL,
     idx   bigint  NOT NULL,
     hash  bytea   NOT NULL,
     PRIMARY KEY (level, idx)
   );
   CREATE TABLE ledger_meta (key text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE ledger_checkpoints (
     size         bigint PRIMARY KEY,
     note         text   NOT NULL,
     cosignatures text   NOT NULL DEFAULT '',
     signed_at    text   NOT NULL
   );
   CREATE TABLE ledger_keys (
     vkey        text   PRIMARY KEY,
     recorded_at text   NOT NULL,
     from_size   bigint NOT NULL DEFAULT 0,
     rotation    text
   );
   CREATE TABLE ledger_witness_state (origin text PRIMARY KEY, size bigint NOT NULL, root bytea NOT NULL);
   CREATE TABLE ledger_published (
     size        bigint NOT NULL,
     source      text   NOT NULL,
     root        bytea,
     note        text,
     recorded_at text   NOT NULL,
     PRIMARY KEY (size, source)
   );
   CREATE TABLE ledger_log_resets (position bigint PRIMARY KEY, reset text NOT NULL);`,
];
