import type { OutboxStore, RateLimitStore, RequestStore, SecretStore } from '@hushlink/core';
import { Kysely, SqliteDialect } from 'kysely';
import { coldQueriesFor } from './cold-queries';
import { hotStatementsFor } from './hot-statements';
import { createKyselyExecutor } from './kysely-executor';
import { type MigrateOutcome, migrateToLatest } from './migrate';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase } from './open-database';
import { outboxStatementsFor } from './outbox-statements';
import { createPreparedExecutor } from './prepared-executor';
import { requestStatementsFor } from './request-statements';
import type { SqliteDatabase } from './sqlite-database';
import { createSqliteRateLimitStore } from './sqlite-rate-limit-store';
import { createSqliteSecretStore } from './sqlite-secret-store';
import { DEFAULT_TABLE_PREFIX, type TableNames, tableNamesFor } from './table-names';

/** Name of this adapter, for logs and test titles. */
export const SQLITE_STORE_NAME = 'sqlite';

/**
 * Where the stores live:
 * - `{ filename }`: a database file Hushlink opens (WAL, synchronous=NORMAL, busy timeout)
 *   and closes on `close()`. `':memory:'` works for a single process.
 * - `{ database }`: the host's better-sqlite3 `Database`, to share its file. Hushlink
 *   leaves its pragmas and its life to the host.
 * - `{ db, database? }`: the host's `Kysely` (SQLite dialect). Pass the better-sqlite3
 *   `database` under it too when you can: without it, hot-path statements go through
 *   Kysely and are re-prepared on every call.
 */
export type SqliteStoresTarget =
  | { filename: string }
  | { database: SqliteDatabase }
  // biome-ignore lint/suspicious/noExplicitAny: any host schema; we name our own tables.
  | { db: Kysely<any>; database?: SqliteDatabase };

export interface SqliteStoresConfig {
  /** Prefix of every table and index (letters, digits, underscores). Default `hushlink_`. */
  tablePrefix?: string;
  /** With `{ filename }`: how long a writer waits for the write lock. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/** Reads every row of the adapter's tables, bypassing the stores (for contract tests). */
export interface SqliteStoreProbe {
  /** Rows of all tables, each tagged `table: 'secrets' | 'events' | 'rate_limits' | 'outbox' | 'requests'`. */
  dumpRows(): Promise<Record<string, unknown>[]>;
}

export interface SqliteStores {
  /** The secret store, with the webhook outbox (DESIGN.md §11) and request links (§10). */
  secrets: SecretStore & OutboxStore & RequestStore;
  rateLimits: RateLimitStore;
  /**
   * Creates or upgrades the tables (idempotent; safe from several processes at once).
   * Call once at startup, before the stores are used.
   * @throws {Error} when a migration fails.
   */
  migrate(): Promise<MigrateOutcome>;
  probe: SqliteStoreProbe;
  /** The table and index names in use. */
  tables: TableNames;
  /** Closes the database if Hushlink opened it (`{ filename }`); otherwise does nothing. */
  close(): Promise<void>;
}

/**
 * Creates Hushlink's secret and rate-limit stores on one SQLite database.
 *
 * @example
 * const stores = createSqliteStores({ filename: 'hushlink.db' });
 * await stores.migrate();
 * // createHushlink({ store: stores.secrets, rateLimitStore: stores.rateLimits, ... })
 *
 * @throws {ConfigError} when `tablePrefix` is not a plain identifier fragment.
 * @throws {Error} when `{ filename }` cannot be opened.
 */
export function createSqliteStores(
  target: SqliteStoresTarget,
  config: SqliteStoresConfig = {},
): SqliteStores {
  const tables = tableNamesFor(config.tablePrefix ?? DEFAULT_TABLE_PREFIX);
  const owned = 'filename' in target;
  const database = owned
    ? openDatabase(target.filename, config.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS)
    : target.database;
  // biome-ignore lint/suspicious/noExplicitAny: see SqliteStoresTarget.
  const db: Kysely<any> =
    'db' in target
      ? target.db
      : new Kysely({ dialect: new SqliteDialect({ database: database! }) });

  const executor = database ? createPreparedExecutor(database) : createKyselyExecutor(db);
  const hot = hotStatementsFor(tables);
  const cold = coldQueriesFor(db, tables);
  let closed = false;

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (owned) database?.close();
  };

  return {
    secrets: {
      ...createSqliteSecretStore(
        executor,
        hot,
        cold,
        outboxStatementsFor(tables),
        requestStatementsFor(tables),
      ),
      close,
    },
    rateLimits: createSqliteRateLimitStore(executor, hot, cold),
    migrate: () => migrateToLatest(db, tables),
    probe: {
      async dumpRows() {
        const rows: Record<string, unknown>[] = [];
        const named = [
          ['secrets', tables.secrets],
          ['events', tables.events],
          ['rate_limits', tables.rateLimits],
          ['outbox', tables.outbox],
          ['requests', tables.requests],
        ] as const;
        for (const [table, name] of named) {
          for (const row of await executor.all(`select * from ${name}`, [])) {
            rows.push({ table, ...(row as Record<string, unknown>) });
          }
        }
        return rows;
      },
    },
    tables,
    close,
  };
}
