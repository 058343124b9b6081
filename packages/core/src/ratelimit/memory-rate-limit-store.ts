/**
 * The in-process rate-limit store. Right for one process; several app instances need a
 * shared store (SQLite on one host, Postgres across hosts) to share one budget.
 */
import { ConfigError } from '../errors';
import type { RateLimitHit, RateLimitStore } from '../store/types';

/** Buckets kept by default: about 10 MB at most. */
const DEFAULT_MAX_KEYS = 100_000;

/**
 * A bounded in-memory `RateLimitStore`.
 *
 * Each hit is one synchronous step between awaits, so concurrent hits in this process
 * are atomic without locks. Memory is bounded: `prune(now)` drops buckets that are full
 * again (their state equals a fresh bucket's), and when `maxKeys` buckets exist the
 * least recently allowed one is dropped to make room — which at worst hands that
 * (idle) client a fresh quota early, never refuses anyone.
 *
 * @throws {ConfigError} when `maxKeys` is not a positive integer.
 */
export function createMemoryRateLimitStore(options: { maxKeys?: number } = {}): RateLimitStore {
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) {
    throw new ConfigError('createMemoryRateLimitStore: maxKeys must be a positive integer.');
  }
  // Map iteration order is insertion order; re-inserting on every allowed hit keeps the
  // least recently allowed bucket first, ready for eviction.
  const tats = new Map<string, number>();

  return {
    async hit(key, now, intervalMs, windowMs): Promise<RateLimitHit> {
      const next = Math.max(tats.get(key) ?? now, now) + intervalMs;
      if (next - now > windowMs) return { allowed: false, tat: next };
      tats.delete(key);
      tats.set(key, next);
      while (tats.size > maxKeys) {
        const oldest = tats.keys().next().value;
        if (oldest === undefined) break;
        tats.delete(oldest);
      }
      return { allowed: true, tat: next };
    },

    async prune(now) {
      let deleted = 0;
      for (const [key, tat] of tats) {
        if (tat < now) {
          tats.delete(key);
          deleted++;
        }
      }
      return deleted;
    },
  };
}
