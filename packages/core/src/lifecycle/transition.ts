import type { BurnReason, SecretRecord } from '../store/types';
import { isRevealable, remainingViews } from './availability';
import type { LifecycleEffect, LifecycleEvent, LifecyclePolicy, TransitionResult } from './types';

/**
 * The lifecycle state machine (DESIGN.md §4): a pure function from a record, an event and
 * the time to the next record and the audit events to write with it. Stores persist the
 * result with compare-and-set on `version`; nothing here does I/O.
 *
 * The envelope is deleted (set to null) in the same transition that makes any further
 * reveal impossible: the last allowed view, a burn, or expiry.
 *
 * @example
 * ```ts
 * const result = transition(record, { type: 'reveal' }, Date.now(), { maxPassphraseAttempts: 5 });
 * if (!result.ok) throw new NotAvailableError();
 * ```
 */
export function transition(
  record: SecretRecord,
  event: LifecycleEvent,
  now: number,
  policy: LifecyclePolicy,
): TransitionResult {
  switch (event.type) {
    case 'reveal':
      return reveal(record, now);
    case 'passphrase_failed':
      return passphraseFailed(record, now, policy);
    case 'burn':
      return burn(record, event.reason, now);
    case 'expire':
      return expire(record, now);
  }
}

function reveal(record: SecretRecord, now: number): TransitionResult {
  if (!isRevealable(record, now)) return { ok: false, refusal: 'not_revealable' };
  const views = record.views + 1;
  const exhausted = record.maxViews !== null && views >= record.maxViews;
  const next: SecretRecord = {
    ...record,
    version: record.version + 1,
    status: 'viewed',
    views,
    firstViewedAt: record.firstViewedAt ?? now,
    lastViewedAt: now,
    envelope: exhausted ? null : record.envelope,
  };
  const detail = { views, remainingViews: remainingViews(next, now) };
  return { ok: true, record: next, effects: [effect('revealed', now, detail)] };
}

function passphraseFailed(
  record: SecretRecord,
  now: number,
  policy: LifecyclePolicy,
): TransitionResult {
  if (!isRevealable(record, now)) return { ok: false, refusal: 'not_revealable' };
  if (record.passphraseVerifier === null) return { ok: false, refusal: 'no_passphrase' };
  const failedAttempts = record.failedAttempts + 1;
  const attemptsLeft = Math.max(0, policy.maxPassphraseAttempts - failedAttempts);
  const counted: SecretRecord = { ...record, version: record.version + 1, failedAttempts };
  const failed = effect('passphrase_failed', now, { attemptsLeft });
  if (attemptsLeft > 0) return { ok: true, record: counted, effects: [failed] };
  return {
    ok: true,
    record: burned(counted, 'attempts', now),
    effects: [failed, effect('burned', now, { reason: 'attempts' })],
  };
}

function burn(record: SecretRecord, reason: BurnReason, now: number): TransitionResult {
  const next = burned({ ...record, version: record.version + 1 }, reason, now);
  if (reason === 'integrity') {
    // A record whose MAC failed is untrusted in every field, its status included: it is
    // burned whatever it claims to be, so that it can never be revealed.
    return {
      ok: true,
      record: next,
      effects: [effect('integrity_failed', now, null), effect('burned', now, { reason })],
    };
  }
  if (!isRevealable(record, now)) return { ok: false, refusal: 'not_revealable' };
  return { ok: true, record: next, effects: [effect('burned', now, { reason })] };
}

function expire(record: SecretRecord, now: number): TransitionResult {
  if (now < record.expiresAt) return { ok: false, refusal: 'not_expired' };
  if (record.status === 'active') {
    const next: SecretRecord = {
      ...record,
      version: record.version + 1,
      status: 'expired',
      envelope: null,
    };
    return {
      ok: true,
      record: next,
      effects: [{ type: 'expired', at: record.expiresAt, detail: null, fromClient: false }],
    };
  }
  if (record.envelope !== null) {
    // A reusable secret that was seen stays `viewed`; only its envelope goes.
    return {
      ok: true,
      record: { ...record, version: record.version + 1, envelope: null },
      effects: [],
    };
  }
  return { ok: false, refusal: 'nothing_to_expire' };
}

function burned(record: SecretRecord, reason: BurnReason, now: number): SecretRecord {
  return { ...record, status: 'burned', burnedAt: now, burnReason: reason, envelope: null };
}

function effect(
  type: LifecycleEffect['type'],
  at: number,
  detail: LifecycleEffect['detail'],
): LifecycleEffect {
  return { type, at, detail, fromClient: true };
}
