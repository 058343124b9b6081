/**
 * How the stores talk to SQLite: statements as SQL text plus positional parameters.
 * Two implementations share this shape:
 * - `createPreparedExecutor` runs them as cached better-sqlite3 prepared statements
 *   (the fast path, used whenever we hold the better-sqlite3 `Database`);
 * - `createKyselyExecutor` runs them through a host's `Kysely` instance when that is
 *   all we were given.
 * The stores stay the same whichever runs underneath.
 */

/** One statement of a write transaction. */
export interface WriteStep {
  sql: string;
  parameters: readonly unknown[];
  /**
   * When set and the statement changes no row, the whole transaction is rolled back and
   * `write` returns null (compare-and-set: someone else moved first).
   */
  requireChange?: boolean;
}

export interface SqlExecutor {
  /** Rows of one statement (a read, or a single write with RETURNING: atomic on its own). */
  all(sql: string, parameters: readonly unknown[]): Promise<unknown[]>;
  /** The first row of one statement, or undefined. */
  first(sql: string, parameters: readonly unknown[]): Promise<unknown>;
  /**
   * Runs the steps in one write transaction that takes SQLite's write lock up front
   * (`BEGIN IMMEDIATE`), so it never has to upgrade a read lock (which can fail with
   * SQLITE_BUSY instead of waiting). Resolves to the rows changed by the last step, or
   * null when a `requireChange` step changed nothing (then nothing is written).
   */
  write(steps: readonly WriteStep[]): Promise<number | null>;
}
