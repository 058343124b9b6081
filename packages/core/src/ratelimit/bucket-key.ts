import { clientBucketKey } from '../net/client-bucket-key';
import type { RateLimitBudget } from './policies';

/**
 * The store key of one (budget, client) pair: `<budget>:<client>`, e.g.
 * `recipient:203.0.113.7`, `create:2001:db8:1:2::/64`, `creator:unknown`.
 *
 * No two pairs collide: budget names contain no `:`, so the text before the first `:` is
 * always the budget, and `clientBucketKey` gives distinct text to distinct client identities
 * (one IPv4 address, one IPv6 /64, or "unknown").
 */
export function rateLimitBucketKey(budget: RateLimitBudget, clientIp: string | null): string {
  return `${budget}:${clientBucketKey(clientIp)}`;
}
