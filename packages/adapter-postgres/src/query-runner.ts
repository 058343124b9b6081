import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import type { PreparedStatement } from './prepared-statement';

/**
 * Runs one prepared statement and returns its rows. Every store operation is exactly
 * one statement (one round trip), so the runner needs no transactions: PostgreSQL runs
 * each statement, data-modifying CTEs included, atomically.
 */
export interface QueryRunner {
  run<Row>(statement: PreparedStatement, parameters: unknown[]): Promise<QueryResult<Row>>;
}

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/**
 * The fast path: `pool.query({ name, text, values })`. pg parses each named statement
 * once per connection and then only binds and executes it.
 */
export function poolQueryRunner(pool: pg.Pool): QueryRunner {
  return {
    async run<Row>(statement: PreparedStatement, parameters: unknown[]) {
      const result = await pool.query({
        name: statement.name,
        text: statement.text,
        values: parameters,
      });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

/**
 * For a caller's Kysely instance, whose pg clients are private: the same SQL, compiled
 * once, sent through `db.executeQuery` (unnamed, so parsed on every call).
 */
// biome-ignore lint/suspicious/noExplicitAny: any caller schema type works.
export function kyselyQueryRunner(db: Kysely<any>): QueryRunner {
  return {
    async run<Row>(statement: PreparedStatement, parameters: unknown[]) {
      const result = await db.executeQuery<Row>(CompiledQuery.raw(statement.text, parameters));
      return { rows: result.rows, rowCount: Number(result.numAffectedRows ?? result.rows.length) };
    },
  };
}
