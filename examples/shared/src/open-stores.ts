/**
 * Storage: Postgres when `DATABASE_URL` is set, else a SQLite file. Migrations run here,
 * at startup, before the first request.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RateLimitStore, SecretStore } from '@hushlink/core';
import type { SharedConfig } from './shared-config';

/** The stores the app uses, and how to close them. */
export interface AppStores {
  kind: 'sqlite' | 'postgres';
  secrets: SecretStore;
  rateLimits: RateLimitStore;
  /** Closes the database connection(s). */
  close(): Promise<void>;
}

/**
 * Opens and migrates the configured database.
 * @throws {Error} when the database cannot be opened or migrated.
 */
export async function openStores(
  config: Pick<SharedConfig, 'databaseUrl' | 'sqlitePath'>,
): Promise<AppStores> {
  // Imported on demand: a SQLite deployment never loads `pg`, and the reverse.
  if (config.databaseUrl !== null) {
    const { createPostgresStores } = await import('@hushlink/adapter-postgres');
    const stores = createPostgresStores({ connectionString: config.databaseUrl });
    await stores.migrate();
    return { kind: 'postgres', ...pick(stores) };
  }
  const { createSqliteStores } = await import('@hushlink/adapter-sqlite');
  mkdirSync(dirname(config.sqlitePath), { recursive: true });
  const stores = createSqliteStores({ filename: config.sqlitePath });
  await stores.migrate();
  return { kind: 'sqlite', ...pick(stores) };
}

/** The parts of an adapter's stores the app keeps. */
function pick(stores: {
  secrets: SecretStore;
  rateLimits: RateLimitStore;
  close(): Promise<void>;
}): Omit<AppStores, 'kind'> {
  return { secrets: stores.secrets, rateLimits: stores.rateLimits, close: () => stores.close() };
}
