import type { SqlExecutor, WriteStep } from './sql-executor';
import type { SqliteDatabase, SqliteStatement } from './sqlite-database';

/**
 * Concurrency model on better-sqlite3 (read this before changing anything here).
 *
 * - In one process: better-sqlite3 is synchronous. A write transaction below runs from
 *   BEGIN to COMMIT without yielding to the event loop, so no other JavaScript (no other
 *   request) can interleave with it. Each store method is one such call.
 * - Across processes: every write transaction starts with `BEGIN IMMEDIATE`, which takes
 *   the database's single write lock before reading anything, and waits up to
 *   `busy_timeout` for it. Compare-and-set is `UPDATE … WHERE id = ? AND version = ?`
 *   inside that lock: of N processes racing on one version, the first commits, and the
 *   others, when they get the lock, see the new version and change 0 rows. So at most
 *   one wins, which is what makes a single-use reveal exactly-once.
 * - Statements are prepared once per SQL text and cached: Kysely (and re-preparing) cost
 *   more per call than the whole speed budget allows (BASELINES.md).
 * - No cache of rows: every read goes to the database.
 */
export function createPreparedExecutor(database: SqliteDatabase): SqlExecutor {
  const statements = new Map<string, SqliteStatement>();
  const prepare = (sql: string): SqliteStatement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const runSteps = database.transaction((steps: readonly WriteStep[]): number => {
    let changes = 0;
    for (const step of steps) {
      changes = prepare(step.sql).run(step.parameters).changes;
      if (step.requireChange && changes === 0) throw ROLLBACK;
    }
    return changes;
  });

  return {
    async all(sql, parameters) {
      return prepare(sql).all(parameters);
    },

    async first(sql, parameters) {
      return prepare(sql).get(parameters);
    },

    async write(steps) {
      // A host transaction left open on a shared connection would swallow ours as a
      // savepoint, and its rollback could undo a reveal we already answered. Refuse.
      if (database.inTransaction) throw new Error(OPEN_TRANSACTION_MESSAGE);
      try {
        return runSteps.immediate(steps);
      } catch (error) {
        if (error === ROLLBACK) return null;
        throw error;
      }
    },
  };
}

/** Thrown inside a transaction to roll it back; not an Error, so no stack is captured. */
const ROLLBACK = Symbol('rollback');

export const OPEN_TRANSACTION_MESSAGE =
  'Hushlink cannot write: the shared SQLite connection is inside a transaction that is not ours. ' +
  'Do not keep a transaction open across an await on a connection Hushlink uses.';
