/**
 * Chooses the app's stores from the environment: Postgres (`@hushlink/adapter-postgres`, on
 * `pg` through the runtime's npm compatibility) when `HUSHLINK_PG_SCHEMA` is set, else memory.
 */
import { createPostgresStores } from '@hushlink/adapter-postgres';
import type { TestAppOptions } from './build-handler';

/** The database the tests use unless `DATABASE_URL` says otherwise. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Reads `HUSHLINK_PG_SCHEMA` (and `DATABASE_URL`) through `env`; migrates the schema.
 * @throws {StoreUnavailableError} when the database cannot be reached or migrated.
 */
export async function storesFromEnv(
  env: (name: string) => string | undefined,
): Promise<TestAppOptions> {
  const schema = env('HUSHLINK_PG_SCHEMA');
  if (!schema) return {};
  const stores = createPostgresStores(
    { connectionString: env('DATABASE_URL') || DEFAULT_DATABASE_URL },
    { schema },
  );
  await stores.migrate();
  return { secrets: stores.secrets, rateLimits: stores.rateLimits };
}
