import { runRateLimitStoreContract, runSecretStoreContract } from '@hushlink/core/testing';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createTestPool, createTestSchema, type TestSchema } from '../test/postgres-test-database';
import { createPostgresStores, type PostgresStores } from './index';

let testSchema: TestSchema;
let pool: pg.Pool;
/** The fast path (a pg pool: named prepared statements) and a caller's Kysely instance. */
const subjects = new Map<'pool' | 'kysely', PostgresStores>();
const PREFIXES = { pool: 'hushlink_', kysely: 'via_kysely_' } as const;
const kyselyPool = createTestPool(10);
const db = new Kysely({ dialect: new PostgresDialect({ pool: kyselyPool }) });

beforeAll(async () => {
  testSchema = await createTestSchema();
  pool = createTestPool();
  const config = (path: 'pool' | 'kysely') => ({
    schema: testSchema.schema,
    tablePrefix: PREFIXES[path],
  });
  subjects.set('pool', createPostgresStores({ pool }, config('pool')));
  subjects.set('kysely', createPostgresStores({ db }, config('kysely')));
  for (const stores of subjects.values()) await stores.migrate();
});
afterAll(async () => {
  await pool.end();
  await db.destroy();
  await testSchema.drop();
});

/** Each test starts from empty tables (the schema is this file's own). */
async function emptied(path: 'pool' | 'kysely'): Promise<PostgresStores> {
  const tables = ['secrets', 'events', 'rate_limits', 'outbox', 'requests'].map(
    (t) => `${testSchema.schema}.${PREFIXES[path]}${t}`,
  );
  await pool.query(`truncate ${tables.join(', ')} restart identity`);
  return subjects.get(path) as PostgresStores;
}

for (const path of ['pool', 'kysely'] as const) {
  runSecretStoreContract(`postgres via ${path}`, async () => {
    const { secrets, probe } = await emptied(path);
    return { store: secrets, probe };
  });
  runRateLimitStoreContract(`postgres via ${path}`, async () => ({
    store: (await emptied(path)).rateLimits,
  }));
}
