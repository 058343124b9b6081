import type { SecretRecord, SecretStatus } from '../store/types';

/**
 * The status a user sees at `now`. Expiry is hard: from `expiresAt` on, a never-opened
 * record reads `expired` whether or not a sweep has persisted it yet. A `viewed` record
 * stays `viewed` after expiry (someone did see it).
 */
export function effectiveStatus(record: SecretRecord, now: number): SecretStatus {
  if (record.status === 'active' && now >= record.expiresAt) return 'expired';
  return record.status;
}

/**
 * Whether a reveal at `now` could succeed: not burned or expired, before `expiresAt`,
 * views left, and the envelope still stored.
 */
export function isRevealable(record: SecretRecord, now: number): boolean {
  return (
    (record.status === 'active' || record.status === 'viewed') &&
    now < record.expiresAt &&
    (record.maxViews === null || record.views < record.maxViews) &&
    record.envelope !== null
  );
}

/**
 * Views still possible at `now`: 0 when nothing more can be revealed, null when unlimited,
 * else `maxViews − views`.
 */
export function remainingViews(record: SecretRecord, now: number): number | null {
  if (!isRevealable(record, now)) return 0;
  return record.maxViews === null ? null : record.maxViews - record.views;
}

/** Passphrase attempts left, or null for a secret without a passphrase. Never negative. */
export function attemptsLeft(record: SecretRecord, maxPassphraseAttempts: number): number | null {
  if (record.passphraseVerifier === null) return null;
  return Math.max(0, maxPassphraseAttempts - record.failedAttempts);
}
