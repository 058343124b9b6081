import { ConfigError } from '@hushlink/core';
import type { Kysely } from 'kysely';
import type pg from 'pg';

/**
 * Where the stores find PostgreSQL. Pass exactly one:
 * - `connectionString`: the stores open (and `close()` ends) their own `pg.Pool`;
 * - `pool`: your `pg.Pool`; the stores never end it;
 * - `db`: your `Kysely` instance on the Postgres dialect; the stores never destroy it.
 *   Statements then run through Kysely as precompiled SQL, not as named prepared
 *   statements (Kysely does not expose its pg clients), so `pool` is the faster choice.
 */
export type PostgresConnectionOptions =
  | { connectionString: string }
  | { pool: pg.Pool }
  // biome-ignore lint/suspicious/noExplicitAny: a caller's Kysely has the caller's own schema type.
  | { db: Kysely<any> };

/** Where the tables live. */
export interface PostgresStoresConfig {
  /** Schema that holds the tables (created by `migrate()` when missing). Default `public`. */
  schema?: string;
  /** Prefix of every table name. Default `hushlink_`. */
  tablePrefix?: string;
}

/** The table names one configuration resolves to. */
export interface TableNames {
  schema: string;
  secrets: string;
  events: string;
  rateLimits: string;
  outbox: string;
  requests: string;
  migrations: string;
  migrationsLock: string;
}

/** Lower-case identifiers only: they never need quoting in logs or hand-written SQL. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** PostgreSQL truncates identifiers at 63 bytes; our longest suffix is `migrations_lock`. */
const MAX_PREFIX_LENGTH = 63 - 'migrations_lock'.length;

/**
 * Validates the schema and prefix and names the tables.
 * @throws {ConfigError} when the schema or prefix is not a plain lower-case identifier.
 */
export function resolveTableNames(config: PostgresStoresConfig = {}): TableNames {
  const schema = config.schema ?? 'public';
  const prefix = config.tablePrefix ?? 'hushlink_';
  if (!IDENTIFIER.test(schema) || schema.length > 63) {
    throw new ConfigError(
      `Postgres schema "${schema}" must match ${IDENTIFIER} and be at most 63 characters.`,
    );
  }
  if (prefix !== '' && (!IDENTIFIER.test(prefix) || prefix.length > MAX_PREFIX_LENGTH)) {
    throw new ConfigError(
      `Postgres tablePrefix "${prefix}" must match ${IDENTIFIER} and be at most ${MAX_PREFIX_LENGTH} characters.`,
    );
  }
  return {
    schema,
    secrets: `${prefix}secrets`,
    events: `${prefix}events`,
    rateLimits: `${prefix}rate_limits`,
    outbox: `${prefix}outbox`,
    requests: `${prefix}requests`,
    migrations: `${prefix}migrations`,
    migrationsLock: `${prefix}migrations_lock`,
  };
}
