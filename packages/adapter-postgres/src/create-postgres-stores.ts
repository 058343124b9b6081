import type { OutboxStore, RateLimitStore, RequestStore, SecretStore } from '@hushlink/core';
import { sql } from 'kysely';
import { connect } from './connect';
import { migrateToLatest } from './migrations';
import {
  compileRateLimitStatements,
  createPostgresRateLimitStore,
} from './postgres-rate-limit-store';
import { createPostgresSecretStore } from './postgres-secret-store';
import {
  type PostgresConnectionOptions,
  type PostgresStoresConfig,
  resolveTableNames,
} from './postgres-stores-options';
import { compileSecretStatements } from './secret-statements';
import { toStoreError } from './to-store-error';

/** The stores of one database (and schema, and table prefix). */
export interface PostgresStores {
  /** The secret store, with the webhook outbox (DESIGN.md §11) and request links (§10). */
  secrets: SecretStore & OutboxStore & RequestStore;
  rateLimits: RateLimitStore;
  /**
   * Creates or upgrades the tables. Idempotent and safe to run from several processes
   * at once (Kysely takes a Postgres advisory lock while migrating).
   * @throws {StoreUnavailableError} when the database fails or a migration fails.
   */
  migrate(): Promise<void>;
  /** Raw rows of every table (tagged `table`), bypassing the stores: for tests of what really is stored. */
  probe: { dumpRows(): Promise<Record<string, unknown>[]> };
  /** Ends the pool the stores opened from a `connectionString`; a caller's pool or Kysely is left open. */
  close(): Promise<void>;
}

/**
 * Hushlink's `SecretStore` and `RateLimitStore` on PostgreSQL, for one or many app
 * instances sharing a database. Call `migrate()` once (at boot or from a deploy script)
 * before the first use.
 *
 * @example
 * const stores = createPostgresStores({ connectionString: process.env.DATABASE_URL! });
 * await stores.migrate();
 * @throws {ConfigError} when `schema` or `tablePrefix` is not a lower-case identifier.
 * @throws {TypeError} when no connection option is given.
 */
export function createPostgresStores(
  options: PostgresConnectionOptions,
  config: PostgresStoresConfig = {},
): PostgresStores {
  const tables = resolveTableNames(config);
  const connection = connect(options);
  const { db, runner } = connection;
  const secrets = createPostgresSecretStore(runner, compileSecretStatements(db, tables));
  const rateLimits = createPostgresRateLimitStore(runner, compileRateLimitStatements(db, tables));
  secrets.close = () => connection.close();

  return {
    secrets,
    rateLimits,
    migrate: () => migrateToLatest(db, tables),
    probe: {
      // Every row of every table, each tagged with its `table`, read past the stores.
      async dumpRows() {
        const dump = async (table: string, order: string) => {
          const { rows } = await sql<Record<string, unknown>>`
            select * from ${sql.table(`${tables.schema}.${table}`)} order by ${sql.raw(order)}`.execute(
            db,
          );
          return rows.map((row) => ({ table, ...row }));
        };
        try {
          return [
            ...(await dump(tables.secrets, 'created_at, id')),
            ...(await dump(tables.events, 'seq')),
            ...(await dump(tables.rateLimits, 'key')),
            ...(await dump(tables.outbox, 'created_at, id')),
            ...(await dump(tables.requests, 'created_at, id')),
          ];
        } catch (error) {
          throw toStoreError(error, 'dumpRows');
        }
      },
    },
    close: () => connection.close(),
  };
}
