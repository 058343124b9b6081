/**
 * Rate-limit budgets (DESIGN.md §6) and their validation. A budget is a named quota
 * that several routes draw from; each resolved client has its own copy of each budget.
 */
import { ConfigError } from '../errors';

/**
 * - `recipient`: secret meta and reveal, request meta and answer.
 * - `create`: POST of secrets, groups and requests.
 * - `creator`: every other creator route.
 */
export type RateLimitBudget = 'recipient' | 'create' | 'creator';

/** At most `limit` requests per `windowSeconds`, refilled smoothly (GCRA). */
export interface RateLimitPolicy {
  /** Requests allowed in a burst, and per window on average. Integer ≥ 1. */
  limit: number;
  /** Window length in seconds. Integer ≥ 1. */
  windowSeconds: number;
}

/** The default budgets: recipient 60 per 10 minutes, create 120 per hour, creator 1,200 per hour. */
export const DEFAULT_RATE_LIMITS: Record<RateLimitBudget, RateLimitPolicy> = Object.freeze({
  recipient: Object.freeze({ limit: 60, windowSeconds: 600 }),
  create: Object.freeze({ limit: 120, windowSeconds: 3600 }),
  creator: Object.freeze({ limit: 1200, windowSeconds: 3600 }),
});

/** The budget names, in a fixed order. */
export const RATE_LIMIT_BUDGETS: readonly RateLimitBudget[] = Object.freeze([
  'recipient',
  'create',
  'creator',
]);

/** Longest window accepted: 31 days. Longer ones are surely a unit mistake (ms for s). */
const MAX_WINDOW_SECONDS = 31 * 24 * 3600;

/**
 * The defaults with the host's overrides applied, each checked.
 *
 * @throws {ConfigError} for an unknown budget name, or a policy whose `limit` or
 *   `windowSeconds` is not a positive integer, whose window is over 31 days, or whose
 *   limit is more than one request per millisecond of window.
 */
export function resolveRateLimitPolicies(
  overrides: Partial<Record<RateLimitBudget, RateLimitPolicy>> | undefined,
): Record<RateLimitBudget, RateLimitPolicy> {
  const policies = { ...DEFAULT_RATE_LIMITS };
  for (const [name, policy] of Object.entries(overrides ?? {})) {
    if (!RATE_LIMIT_BUDGETS.includes(name as RateLimitBudget)) {
      throw new ConfigError(
        `Unknown rate-limit budget "${name}": expected one of ${RATE_LIMIT_BUDGETS.join(', ')}.`,
      );
    }
    if (policy === undefined) continue;
    policies[name as RateLimitBudget] = checkPolicy(name, policy);
  }
  return policies;
}

function checkPolicy(name: string, policy: RateLimitPolicy): RateLimitPolicy {
  const { limit, windowSeconds } = policy ?? ({} as Partial<RateLimitPolicy>);
  if (!Number.isSafeInteger(limit) || (limit as number) < 1) {
    throw new ConfigError(`Rate-limit budget "${name}": limit must be an integer ≥ 1.`);
  }
  if (
    !Number.isSafeInteger(windowSeconds) ||
    (windowSeconds as number) < 1 ||
    (windowSeconds as number) > MAX_WINDOW_SECONDS
  ) {
    throw new ConfigError(
      `Rate-limit budget "${name}": windowSeconds must be an integer from 1 to ${MAX_WINDOW_SECONDS}.`,
    );
  }
  if ((windowSeconds as number) * 1000 < (limit as number)) {
    throw new ConfigError(
      `Rate-limit budget "${name}": at most one request per millisecond of window (limit ≤ windowSeconds × 1000).`,
    );
  }
  return Object.freeze({ limit: limit as number, windowSeconds: windowSeconds as number });
}
