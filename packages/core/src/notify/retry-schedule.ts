/** First retry 5 s after a failed attempt, then doubling (DESIGN.md §11). */
export const FIRST_RETRY_MS = 5_000;
/** Delivery gives up once the next attempt would fall more than 24 h after the message was written. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/**
 * When to retry after failed attempt number `attempt` (1-based): `now + 5 s · 2^(attempt−1)`,
 * or null to give up because that is past `createdAt + 24 h`.
 */
export function nextRetryAt(createdAt: number, attempt: number, now: number): number | null {
  const delay = FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1);
  const at = now + delay;
  return at > createdAt + GIVE_UP_AFTER_MS ? null : at;
}
