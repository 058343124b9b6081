import { rowStatementsFor } from './row-statements';
import { EVENT_COLUMNS, SECRET_COLUMNS } from './secret-row';
import type { TableNames } from './table-names';

/**
 * The hot-path statements, as SQL text written once per table prefix and run as cached
 * prepared statements: insert, get, compare-and-set, event append, rate-limit hit.
 * Kysely builds everything else (./cold-queries.ts); here its per-call cost would
 * exceed the adapter's speed budget (BASELINES.md).
 */
export interface HotStatements {
  /** Parameters: `secretParameters(record)`. */
  insertSecret: string;
  /** Parameters: `[id]`. */
  getSecret: string;
  /** Parameters: `[...secretParameters(next) without id, id, expectedVersion]`. */
  compareAndSetSecret: string;
  /** Parameters: `eventParameters(event)`. */
  insertEvent: string;
  /** Parameters: `hitRateLimitParameters(…)`. Returns `{ tat, last_allowed }`. */
  hitRateLimit: string;
}

export function hotStatementsFor(t: TableNames): HotStatements {
  const secrets = rowStatementsFor(t.secrets, SECRET_COLUMNS);
  return {
    insertSecret: secrets.insert,
    getSecret: secrets.get,
    compareAndSetSecret: secrets.compareAndSet,
    insertEvent: `insert into ${t.events} (${EVENT_COLUMNS.join(', ')}) values (?, ?, ?, ?, ?, ?)`,
    // GCRA in one statement, atomic without a transaction (see hitRateLimitParameters).
    // next = max(stored, now) + T is allowed iff max(stored, now) <= now + W - T, and only
    // then stored. SET expressions all read the old row, so `last_allowed` and `tat` agree.
    hitRateLimit:
      `insert into ${t.rateLimits} (key, tat, last_allowed) values (?, ?, ?) ` +
      `on conflict (key) do update set ` +
      `last_allowed = max(tat, ?) <= ?, ` +
      `tat = case when max(tat, ?) <= ? then max(tat, ?) + ? else tat end ` +
      `returning tat, last_allowed`,
  };
}

/**
 * Parameters of `hitRateLimit` (positional: better-sqlite3 binds `?` in order and has no
 * numbered parameters). With no stored row, `stored ?? now` is `now`: the first hit is
 * allowed iff T <= W. A refused first hit stores tat = now, which behaves exactly like
 * "no row" on the next hit.
 */
export function hitRateLimitParameters(
  key: string,
  now: number,
  intervalMs: number,
  windowMs: number,
): unknown[] {
  const firstAllowed = intervalMs <= windowMs;
  const latestAllowedStart = now + windowMs - intervalMs;
  return [
    key,
    firstAllowed ? now + intervalMs : now,
    firstAllowed ? 1 : 0,
    now,
    latestAllowedStart,
    now,
    latestAllowedStart,
    now,
    intervalMs,
  ];
}
