import { CompiledQuery, type Kysely } from 'kysely';
import type { SqlExecutor } from './sql-executor';

/**
 * Runs the stores' statements through a host's `Kysely` instance (SQLite dialect), when
 * the host did not hand us its better-sqlite3 `Database`. Correct, but slower than the
 * prepared path: Kysely's SQLite driver prepares each statement again on every call.
 *
 * Concurrency: a write transaction holds one Kysely connection for its whole life
 * (`db.connection()`: Kysely's SQLite driver has one connection behind a mutex, so no
 * other Kysely query interleaves) and starts with `BEGIN IMMEDIATE`, which takes the
 * database's write lock up front, as in ./prepared-executor.ts.
 */
export function createKyselyExecutor(db: Kysely<unknown>): SqlExecutor {
  const all = async (sql: string, parameters: readonly unknown[]): Promise<unknown[]> =>
    (await db.executeQuery(CompiledQuery.raw(sql, [...parameters]))).rows as unknown[];

  return {
    all,

    async first(sql, parameters) {
      return (await all(sql, parameters))[0];
    },

    write(steps) {
      return db.connection().execute(async (connection) => {
        const run = (sql: string, parameters: readonly unknown[] = []) =>
          connection.executeQuery(CompiledQuery.raw(sql, [...parameters]));
        await run('begin immediate');
        try {
          let changes = 0;
          for (const step of steps) {
            changes = Number((await run(step.sql, step.parameters)).numAffectedRows ?? 0n);
            if (step.requireChange && changes === 0) {
              await run('rollback');
              return null;
            }
          }
          await run('commit');
          return changes;
        } catch (error) {
          await run('rollback').catch(() => undefined);
          throw error;
        }
      });
    },
  };
}
