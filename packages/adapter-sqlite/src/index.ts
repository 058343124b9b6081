/**
 * @hushlink/adapter-sqlite — Hushlink's secret and rate-limit stores on SQLite
 * (Kysely for schema and migrations, better-sqlite3 prepared statements on the hot path).
 */
export {
  createSqliteStores,
  SQLITE_STORE_NAME,
  type SqliteStoreProbe,
  type SqliteStores,
  type SqliteStoresConfig,
  type SqliteStoresTarget,
} from './create-sqlite-stores';
export type { MigrateOutcome } from './migrate';
export type { SqliteDatabase, SqliteStatement, SqliteTransaction } from './sqlite-database';
export { DEFAULT_TABLE_PREFIX, type TableNames } from './table-names';
