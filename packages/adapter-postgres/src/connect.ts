import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { PostgresConnectionOptions } from './postgres-stores-options';
import { kyselyQueryRunner, poolQueryRunner, type QueryRunner } from './query-runner';

/** Connect timeout of the pool opened from a connection string. */
const CONNECT_TIMEOUT_MS = 10_000;

/** What the stores run on, and how to let go of it. */
export interface Connection {
  // biome-ignore lint/suspicious/noExplicitAny: tables are named at run time.
  db: Kysely<any>;
  runner: QueryRunner;
  /** Ends what the stores opened themselves; leaves a caller's pool or Kysely alone. */
  close(): Promise<void>;
}

/**
 * Resolves the connection options.
 * @throws {TypeError} when none of `connectionString`, `pool` or `db` is given.
 */
export function connect(options: PostgresConnectionOptions): Connection {
  if ('db' in options && options.db) {
    return { db: options.db, runner: kyselyQueryRunner(options.db), close: async () => {} };
  }
  if ('pool' in options && options.pool) {
    const pool = options.pool;
    // Never destroy this Kysely: that would end the caller's pool.
    const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    return { db, runner: poolQueryRunner(pool), close: async () => {} };
  }
  if ('connectionString' in options && typeof options.connectionString === 'string') {
    // A bounded connect: an unreachable server fails fast (StoreUnavailableError) instead
    // of queueing requests forever. Pass your own pool to tune size and timeouts.
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // An idle client whose backend dies (restart, failover, pg_terminate_backend) makes
    // the pool emit 'error'; unheard, that would crash the process. The pool drops that
    // client by itself, and the next query that fails reports StoreUnavailableError.
    pool.on('error', () => {});
    const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    let closed = false;
    return {
      db,
      runner: poolQueryRunner(pool),
      async close() {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  }
  throw new TypeError(
    'createPostgresStores needs one of { connectionString }, { pool } or { db }.',
  );
}
