/**
 * Test database helpers. Every test file works in its own schema
 * (`hushlink_test_<random>`), dropped afterwards, so parallel runs never collide on the
 * shared server. A missing server FAILS the run, in CI and locally: these tests never skip.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** `DATABASE_URL` when set, else the local test server. */
export const TEST_DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * Creates an empty schema with a random name.
 * @throws {Error} naming the URL and what to do when PostgreSQL is unreachable.
 */
export async function createTestSchema(): Promise<TestSchema> {
  const schema = `hushlink_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create schema ${schema}`));
  return {
    schema,
    async drop() {
      await withAdminClient((client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

/** Runs `work` on a short-lived connection outside any pool under test. */
export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${redact(TEST_DATABASE_URL)}. The adapter-postgres tests need a real server: start one (trust auth, database "test") or set DATABASE_URL. They never skip.`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A pool for the stores under test, with the error listener every app should add. */
export function createTestPool(max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max });
  pool.on('error', () => {});
  return pool;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
