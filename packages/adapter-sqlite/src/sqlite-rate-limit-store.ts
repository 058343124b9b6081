import type { RateLimitStore } from '@hushlink/core';
import type { ColdQueries } from './cold-queries';
import { type HotStatements, hitRateLimitParameters } from './hot-statements';
import type { SqlExecutor } from './sql-executor';

interface HitRow {
  tat: number;
  last_allowed: number;
}

/**
 * A `RateLimitStore` on SQLite (GCRA), shared by every process that opens the same
 * database file. A hit is ONE statement — `INSERT … ON CONFLICT DO UPDATE … RETURNING`
 * — so it is atomic on its own, in-process and across processes, with no transaction
 * and no read-then-write window. Keys are stored as given (core passes budget + client).
 */
export function createSqliteRateLimitStore(
  executor: SqlExecutor,
  hot: HotStatements,
  cold: ColdQueries,
): RateLimitStore {
  return {
    async hit(key, now, intervalMs, windowMs) {
      const row = (await executor.first(
        hot.hitRateLimit,
        hitRateLimitParameters(key, now, intervalMs, windowMs),
      )) as HitRow | undefined;
      if (!row) throw new Error('Rate-limit upsert returned no row.');
      if (row.last_allowed) return { allowed: true, tat: row.tat };
      // Refused: the stored tat is unchanged; report the value that would have been stored.
      return { allowed: false, tat: Math.max(row.tat, now) + intervalMs };
    },

    async prune(now) {
      const query = cold.pruneRateLimits(now);
      return (await executor.write([query])) ?? 0;
    },
  };
}
