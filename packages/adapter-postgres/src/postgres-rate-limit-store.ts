import type { RateLimitHit, RateLimitStore } from '@hushlink/core';
import { type Kysely, sql } from 'kysely';
import type { TableNames } from './postgres-stores-options';
import { bind, type PreparedStatement, prepare, slot } from './prepared-statement';
import type { QueryRunner } from './query-runner';
import { toStoreError } from './to-store-error';

export interface RateLimitStatements {
  hit: PreparedStatement;
  prune: PreparedStatement;
}

/**
 * GCRA in one atomic statement (store/types.ts): `next = max(stored ?? now, now) + T`,
 * allowed iff `next - now <= W`, and only then is `next` stored.
 *
 * `INSERT … ON CONFLICT DO UPDATE` locks the bucket row for the rest of the statement,
 * so concurrent hits on one key — from any number of processes — queue on that row and
 * each sees the previous one's result: a budget is shared, never overspent.
 *
 * `tat` is a float8 of epoch milliseconds, not a timestamptz, so that the arithmetic is
 * the same IEEE double arithmetic as core's memory store (fractional intervals such as
 * 600000 / 7 ms decide identically). PostgreSQL 15 cannot return the old row, so the
 * statement also stores `allowed`; when refused, the would-be `tat` is computed from the
 * unchanged stored one.
 */
// biome-ignore lint/suspicious/noExplicitAny: compiling needs only the dialect.
export function compileRateLimitStatements(db: Kysely<any>, t: TableNames): RateLimitStatements {
  const buckets = sql.table(`${t.schema}.${t.rateLimits}`);
  const layout = ['key', 'now', 'interval', 'window'];
  const now = sql`${slot('now')}::float8`;
  const interval = sql`${slot('interval')}::float8`;
  const window = sql`${slot('window')}::float8`;
  const fresh = sql`(${now} + ${interval}) - ${now} <= ${window}`;
  const next = sql`greatest(b.tat, ${now}) + ${interval}`;
  return {
    hit: prepare(
      'rate_hit',
      sql`insert into ${buckets} as b (key, tat, allowed)
      values (${slot('key')}, case when ${fresh} then ${now} + ${interval} else ${now} end, ${fresh})
      on conflict (key) do update set
        tat = case when ${next} - ${now} <= ${window} then ${next} else b.tat end,
        allowed = ${next} - ${now} <= ${window}
      returning allowed, tat`.compile(db),
      layout,
    ),
    prune: prepare(
      'rate_prune',
      sql`delete from ${buckets} where tat < ${slot('now')}::float8`.compile(db),
      ['now'],
    ),
  };
}

/**
 * `RateLimitStore` on PostgreSQL: budgets shared by every instance on the database.
 * @throws {StoreUnavailableError} when the database fails.
 */
export function createPostgresRateLimitStore(
  runner: QueryRunner,
  statements: RateLimitStatements,
): RateLimitStore {
  return {
    async hit(
      key: string,
      now: number,
      intervalMs: number,
      windowMs: number,
    ): Promise<RateLimitHit> {
      const values = [key, now, intervalMs, windowMs];
      let row: { allowed: boolean; tat: number } | undefined;
      try {
        const result = await runner.run<{ allowed: boolean; tat: number }>(
          statements.hit,
          bind(statements.hit, values),
        );
        row = result.rows[0];
      } catch (error) {
        throw toStoreError(error, 'rate-limit hit');
      }
      if (!row) throw toStoreError(new Error('no row returned'), 'rate-limit hit');
      return row.allowed
        ? { allowed: true, tat: row.tat }
        : { allowed: false, tat: Math.max(row.tat, now) + intervalMs };
    },

    async prune(now: number): Promise<number> {
      try {
        const result = await runner.run(statements.prune, bind(statements.prune, [now]));
        return result.rowCount;
      } catch (error) {
        throw toStoreError(error, 'rate-limit prune');
      }
    },
  };
}
