/**
 * The slice of better-sqlite3 this adapter uses, declared here (as Kysely's own
 * `sqlite-dialect-config.ts` does) so that a host can pass its own `Database` and the
 * types stay honest about what we touch.
 */

/** A prepared statement (better-sqlite3 `Statement`), bound with a positional array. */
export interface SqliteStatement {
  /** True when the statement returns rows (SELECT, or a write with RETURNING). */
  readonly reader: boolean;
  all(parameters: readonly unknown[]): unknown[];
  get(parameters: readonly unknown[]): unknown;
  run(parameters: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint };
  iterate(parameters: readonly unknown[]): IterableIterator<unknown>;
}

/** A synchronous transaction function (better-sqlite3 `Transaction`). */
export interface SqliteTransaction<A extends unknown[], T> {
  (...args: A): T;
  /** Runs inside `BEGIN IMMEDIATE`: takes the write lock up front. */
  immediate(...args: A): T;
}

/** A better-sqlite3 `Database` connection, as far as Hushlink uses it. */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[], T>(fn: (...args: A) => T): SqliteTransaction<A, T>;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  exec(sql: string): unknown;
  close(): unknown;
  readonly open: boolean;
  readonly inTransaction: boolean;
}
