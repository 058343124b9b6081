/**
 * @hushlink/adapter-postgres — Hushlink's stores on PostgreSQL (Kysely + pg), so that
 * several app instances share one set of secrets and one rate-limit budget.
 */
export { createPostgresStores, type PostgresStores } from './create-postgres-stores';
export type {
  PostgresConnectionOptions,
  PostgresStoresConfig,
} from './postgres-stores-options';
