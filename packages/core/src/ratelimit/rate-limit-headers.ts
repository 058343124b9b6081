import type { RateLimitDecision } from './rate-limiter';

/**
 * Response headers per draft-ietf-httpapi-ratelimit-headers-10:
 * `RateLimit-Policy: "<budget>";q=<limit>;w=<windowSeconds>`,
 * `RateLimit: "<budget>";r=<remaining>;t=<resetSeconds>`, and `Retry-After: <seconds>`
 * when the request was refused.
 */
export function rateLimitHeaders(
  input: Omit<RateLimitDecision, 'allowed' | 'headers'>,
): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Policy': `"${input.budget}";q=${input.limit};w=${input.windowSeconds}`,
    RateLimit: `"${input.budget}";r=${input.remaining};t=${input.resetSeconds}`,
  };
  if (input.retryAfterSeconds !== null) headers['Retry-After'] = String(input.retryAfterSeconds);
  return headers;
}
