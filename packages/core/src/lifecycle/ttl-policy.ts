import { ConfigError, InvalidRequestError } from '../errors';

/** The shortest lifetime a secret may have: 1 hour. */
export const TTL_MIN_SECONDS = 3600;
/** The longest lifetime a secret may have: 30 days. */
export const TTL_MAX_SECONDS = 2_592_000;
/** The lifetime when the creator picks none: 24 hours. */
export const TTL_DEFAULT_SECONDS = 86_400;

/** A lifetime to offer a creator. */
export interface TtlPreset {
  label: string;
  seconds: number;
}

/** The lifetimes a create form offers (the product page's table), shortest first. */
export const TTL_PRESETS: readonly TtlPreset[] = Object.freeze([
  { label: '1 hour', seconds: 3600 },
  { label: '24 hours', seconds: 86_400 },
  { label: '3 days', seconds: 259_200 },
  { label: '7 days', seconds: 604_800 },
  { label: '14 days', seconds: 1_209_600 },
  { label: '30 days', seconds: 2_592_000 },
]);

/** The lifetimes a host accepts: always within 1 hour..30 days. */
export interface TtlPolicy {
  minSeconds: number;
  maxSeconds: number;
  defaultSeconds: number;
}

/** What a host may set to narrow the lifetimes; every field optional. */
export interface TtlPolicyOptions {
  minSeconds?: number;
  maxSeconds?: number;
  defaultSeconds?: number;
}

/**
 * Resolves a host's TTL settings. A host may narrow the 1 hour..30 days range, never widen
 * it. Without an explicit `defaultSeconds`, the default is 24 hours moved into the range.
 * @throws {ConfigError} for a non-integer, a bound outside 3600..2592000, min > max, or an
 *   explicit default outside min..max.
 * @example
 * ```ts
 * resolveTtlPolicy({ maxSeconds: 604_800 }); // { minSeconds: 3600, maxSeconds: 604800, defaultSeconds: 86400 }
 * ```
 */
export function resolveTtlPolicy(options: TtlPolicyOptions = {}): TtlPolicy {
  const minSeconds = options.minSeconds ?? TTL_MIN_SECONDS;
  const maxSeconds = options.maxSeconds ?? TTL_MAX_SECONDS;
  for (const [name, value] of [
    ['ttl.minSeconds', minSeconds],
    ['ttl.maxSeconds', maxSeconds],
  ] as const) {
    if (!Number.isInteger(value) || value < TTL_MIN_SECONDS || value > TTL_MAX_SECONDS) {
      throw new ConfigError(
        `${name} must be an integer in ${TTL_MIN_SECONDS}..${TTL_MAX_SECONDS} (1 hour to 30 days), got ${String(value)}.`,
      );
    }
  }
  if (minSeconds > maxSeconds) {
    throw new ConfigError(
      `ttl.minSeconds (${minSeconds}) is greater than ttl.maxSeconds (${maxSeconds}).`,
    );
  }
  const defaultSeconds =
    options.defaultSeconds ?? Math.min(Math.max(TTL_DEFAULT_SECONDS, minSeconds), maxSeconds);
  if (
    !Number.isInteger(defaultSeconds) ||
    defaultSeconds < minSeconds ||
    defaultSeconds > maxSeconds
  ) {
    throw new ConfigError(
      `ttl.defaultSeconds must be an integer in ${minSeconds}..${maxSeconds}, got ${String(defaultSeconds)}.`,
    );
  }
  return { minSeconds, maxSeconds, defaultSeconds };
}

/**
 * The lifetime of a new secret: the creator's `ttlSeconds`, or the policy's default.
 * @throws {InvalidRequestError} (field `ttlSeconds`) when it is not an integer within the policy.
 */
export function resolveTtlSeconds(
  policy: TtlPolicy,
  ttlSeconds: number | undefined | null,
): number {
  if (ttlSeconds === undefined || ttlSeconds === null) return policy.defaultSeconds;
  if (
    !Number.isInteger(ttlSeconds) ||
    ttlSeconds < policy.minSeconds ||
    ttlSeconds > policy.maxSeconds
  ) {
    throw new InvalidRequestError(
      `ttlSeconds must be an integer in ${policy.minSeconds}..${policy.maxSeconds}.`,
      'ttlSeconds',
    );
  }
  return ttlSeconds;
}

/** The presets a host's policy allows, for a create form. */
export function ttlPresetsWithin(policy: TtlPolicy): TtlPreset[] {
  return TTL_PRESETS.filter(
    (p) => p.seconds >= policy.minSeconds && p.seconds <= policy.maxSeconds,
  );
}
