/**
 * GCRA (generic cell rate algorithm) arithmetic, as pure functions.
 *
 * A budget of `limit` per `window` is one request every `interval = window / limit`,
 * with bursts of up to `limit`. Each bucket stores one number, the theoretical arrival
 * time (tat): when the bucket would be full again. A hit moves it to
 * `max(tat, now) + interval` and is allowed when that stays within one window of now.
 *
 * Why not a fixed window: a fixed window lets a client spend its whole quota at the end
 * of one window and again at the start of the next, 2× the limit in an instant. GCRA
 * has no window edges: after a burst, quota comes back one unit per interval.
 */
import type { RateLimitHit } from '../store/types';
import type { RateLimitPolicy } from './policies';

/** The two numbers a store needs, in milliseconds. */
export interface GcraTiming {
  /** Time one request "costs": ⌊window / limit⌋ ms. */
  intervalMs: number;
  /**
   * `intervalMs × limit`: the window the store checks against. Rounding the interval
   * down and deriving the window from it keeps the burst exactly `limit`.
   */
  windowMs: number;
}

/** Interval and effective window of a policy. */
export function gcraTiming(policy: RateLimitPolicy): GcraTiming {
  const intervalMs = Math.floor((policy.windowSeconds * 1000) / policy.limit);
  return { intervalMs, windowMs: intervalMs * policy.limit };
}

/** What a store's hit means for the caller, in whole seconds (rounded up). */
export interface GcraOutcome {
  allowed: boolean;
  /** Requests still allowed right now after this one. 0 when refused. */
  remaining: number;
  /** Seconds until the bucket is full again (the whole quota available). */
  resetSeconds: number;
  /** When refused, seconds until a retry can succeed (≥ 1); null when allowed. */
  retryAfterSeconds: number | null;
}

/**
 * Interprets a store's answer. `hit.tat` is the stored tat when allowed and the tat
 * that would have been stored when refused (the stored one is then `tat - interval`).
 */
export function gcraOutcome(hit: RateLimitHit, timing: GcraTiming, now: number): GcraOutcome {
  const { intervalMs, windowMs } = timing;
  if (hit.allowed) {
    const used = hit.tat - now;
    return {
      allowed: true,
      remaining: Math.max(0, Math.floor((windowMs - used) / intervalMs)),
      resetSeconds: secondsUp(used),
      retryAfterSeconds: null,
    };
  }
  return {
    allowed: false,
    remaining: 0,
    resetSeconds: secondsUp(hit.tat - intervalMs - now),
    // The hit fits once `tat - now' <= window`.
    retryAfterSeconds: Math.max(1, secondsUp(hit.tat - windowMs - now)),
  };
}

function secondsUp(milliseconds: number): number {
  return Math.max(0, Math.ceil(milliseconds / 1000));
}
