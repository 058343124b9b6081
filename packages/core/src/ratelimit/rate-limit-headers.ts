import type { RateLimitBudget } from './policies';

/**
 * Response headers per draft-ietf-httpapi-ratelimit-headers-10:
 * `RateLimit-Policy: "<budget>";q=<limit>;w=<windowSeconds>`,
 * `RateLimit: "<budget>";r=<remaining>;t=<resetSeconds>`, and `Retry-After: <seconds>`
 * when the request was refused.
 */
export function rateLimitHeaders(input: {
  budget: RateLimitBudget;
  limit: number;
  windowSeconds: number;
  remaining: number;
  resetSeconds: number;
  retryAfterSeconds: number | null;
}): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Policy': `"${input.budget}";q=${input.limit};w=${input.windowSeconds}`,
    RateLimit: `"${input.budget}";r=${input.remaining};t=${input.resetSeconds}`,
  };
  if (input.retryAfterSeconds !== null) headers['Retry-After'] = String(input.retryAfterSeconds);
  return headers;
}
