/**
 * How often the history may poll without eating the creator's rate-limit budget (DESIGN.md
 * §6: `creator`, 1,200 requests per hour by default). The server says what is left in the
 * `RateLimit-Policy` and `RateLimit` headers; the poller reads them and slows down.
 */

/** A budget as the server reports it. */
export interface RateLimitState {
  /** Requests allowed per window (`q`). */
  quota: number;
  /** The window in seconds (`w`). */
  windowSeconds: number;
  /** Requests left (`r`). */
  remaining: number;
  /** Seconds until the budget is whole again, or until the next request is allowed (`t`). */
  resetSeconds: number;
}

/**
 * Reads `RateLimit-Policy: "<budget>";q=<n>;w=<s>` and `RateLimit: "<budget>";r=<n>;t=<s>`
 * (draft-ietf-httpapi-ratelimit-headers-10), or null when either is missing or malformed.
 */
export function readRateLimit(headers: {
  get(name: string): string | null;
}): RateLimitState | null {
  const policy = parameters(headers.get('ratelimit-policy'));
  const limit = parameters(headers.get('ratelimit'));
  const quota = policy.q;
  const windowSeconds = policy.w;
  const remaining = limit.r;
  if (quota === undefined || windowSeconds === undefined || remaining === undefined) return null;
  if (quota <= 0 || windowSeconds <= 0) return null;
  return { quota, windowSeconds, remaining, resetSeconds: limit.t ?? 0 };
}

/** The numeric parameters of a structured-field item (`"name";q=1;w=2`). */
function parameters(value: string | null): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const part of (value ?? '').split(';').slice(1)) {
    const match = /^\s*([a-z])=(\d+)\s*$/.exec(part);
    if (match) out[match[1] as string] = Number(match[2]);
  }
  return out;
}

/**
 * The delay before the next poll. While more than half the budget is left, `baseMs`.
 * Below half, the poller spends at most a quarter of the budget per window (so the
 * creator's own clicks always have room); below a tenth, it waits for the window's reset.
 * @param requestsPerPoll - how many requests one poll sends.
 */
export function nextPollDelayMs(
  state: RateLimitState | null,
  requestsPerPoll: number,
  baseMs: number,
): number {
  if (state === null || state.remaining * 2 > state.quota) return baseMs;
  const windowMs = state.windowSeconds * 1000;
  const sustainable = (requestsPerPoll * windowMs) / Math.max(1, state.quota / 4);
  const delay = Math.max(baseMs, Math.ceil(sustainable));
  if (state.remaining * 10 < state.quota) return Math.max(delay, state.resetSeconds * 1000);
  return delay;
}
