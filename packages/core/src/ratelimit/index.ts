/**
 * Rate limits (DESIGN.md §6): per resolved client (IPv4 address, IPv6 /64) and per
 * budget, with GCRA over a pluggable `RateLimitStore`.
 *
 * The store contract suite lives in ./rate-limit-store-contract.ts and is exported from
 * `@hushlink/core/testing`, not from here, so that production code never imports vitest.
 */
export { rateLimitBucketKey } from './bucket-key';
export { createMemoryRateLimitStore } from './memory-rate-limit-store';
export {
  DEFAULT_RATE_LIMITS,
  RATE_LIMIT_BUDGETS,
  type RateLimitBudget,
  type RateLimitPolicy,
} from './policies';
export { createRateLimiter, type RateLimitDecision, type RateLimiter } from './rate-limiter';
