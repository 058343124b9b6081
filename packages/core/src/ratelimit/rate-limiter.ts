/**
 * The rate limiter: one store hit per request, turned into a decision the HTTP layer
 * can answer with (429 or not, and the RateLimit headers either way).
 */
import { ConfigError } from '../errors';
import type { RateLimitStore } from '../store/types';
import { rateLimitBucketKey } from './bucket-key';
import { type GcraTiming, gcraOutcome, gcraTiming } from './gcra';
import { type RateLimitBudget, type RateLimitPolicy, resolveRateLimitPolicies } from './policies';
import { rateLimitHeaders } from './rate-limit-headers';

/** The outcome of one request against one budget. */
export interface RateLimitDecision {
  allowed: boolean;
  budget: RateLimitBudget;
  limit: number;
  windowSeconds: number;
  /** Requests still allowed right now. 0 when refused. */
  remaining: number;
  /** Seconds until the whole quota is available again. */
  resetSeconds: number;
  /** Seconds to wait before retrying when refused (≥ 1); null when allowed. */
  retryAfterSeconds: number | null;
  /** `RateLimit-Policy`, `RateLimit`, and `Retry-After` when refused. */
  headers: Record<string, string>;
}

/** Checks (and spends) one request of a client's budget. */
export interface RateLimiter {
  /**
   * Spends one unit of `budget` for the client, if any is left. A refused request
   * spends nothing. `clientIp` null means "unknown": all unknown clients share a bucket.
   * `now` is epoch milliseconds (injectable for tests).
   *
   * @throws whatever the store throws (e.g. `StoreUnavailableError`): the caller decides
   *   how to answer; the limiter does not fail open or closed on its own.
   */
  check(budget: RateLimitBudget, clientIp: string | null, now: number): Promise<RateLimitDecision>;
}

/**
 * Creates a rate limiter over a store, with the default budgets or the host's.
 *
 * @throws {ConfigError} when the store has no `hit` method or a budget override is invalid.
 * @example
 * const limiter = createRateLimiter({
 *   store: createMemoryRateLimitStore(),
 *   budgets: { recipient: { limit: 30, windowSeconds: 600 } },
 * });
 * const decision = await limiter.check('recipient', clientIp, Date.now());
 */
export function createRateLimiter(options: {
  store: RateLimitStore;
  budgets?: Partial<Record<RateLimitBudget, RateLimitPolicy>>;
}): RateLimiter {
  const { store } = options;
  if (typeof store?.hit !== 'function') {
    throw new ConfigError(
      'createRateLimiter: `store` must be a RateLimitStore (with a hit method).',
    );
  }
  const policies = resolveRateLimitPolicies(options.budgets);
  const timings = new Map<RateLimitBudget, GcraTiming>();
  for (const [budget, policy] of Object.entries(policies)) {
    timings.set(budget as RateLimitBudget, gcraTiming(policy));
  }

  return {
    async check(budget, clientIp, now) {
      const policy = policies[budget];
      const timing = timings.get(budget);
      if (policy === undefined || timing === undefined) {
        throw new TypeError(`Unknown rate-limit budget "${String(budget)}".`);
      }
      if (!Number.isFinite(now)) throw new TypeError('`now` must be epoch milliseconds.');
      // Stores keep integer milliseconds.
      const at = Math.floor(now);
      const hit = await store.hit(
        rateLimitBucketKey(budget, clientIp),
        at,
        timing.intervalMs,
        timing.windowMs,
      );
      const outcome = gcraOutcome(hit, timing, at);
      const shown = {
        budget,
        limit: policy.limit,
        windowSeconds: policy.windowSeconds,
        ...outcome,
      };
      return { ...shown, headers: rateLimitHeaders(shown) };
    },
  };
}
