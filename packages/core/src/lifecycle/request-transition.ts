import type { RequestRecord, RequestStatus } from '../store/types';
import type { LifecycleEffect } from './types';

/** What happened to a request link (DESIGN.md §10). Proofs are checked before. */
export type RequestEvent =
  /** A customer's answer was accepted: it became the secret `answerSecretId`. */
  | { type: 'answer'; answerSecretId: string; ephemeralKey: Uint8Array }
  /** The creator burned the request, or its MAC failed. */
  | { type: 'burn'; reason: 'creator' | 'integrity' }
  /** Persist that an open request's `expiresAt` has passed. */
  | { type: 'expire' };

/** Why a request transition is not allowed. Callers answer `not_available` (or do nothing). */
export type RequestRefusal =
  /** `answer` on a request that is not open, or past its expiry. */
  | 'not_answerable'
  /** `burn` by the creator of an expired or already burned request. */
  | 'not_burnable'
  /** `expire` before `expiresAt`, or of a request that is not open. */
  | 'not_expirable';

/** The next request (version + 1, MAC stale until recomputed) and its events, or a refusal. */
export type RequestTransitionResult =
  | { ok: true; record: RequestRecord; effects: LifecycleEffect[] }
  | { ok: false; refusal: RequestRefusal };

/**
 * The status a creator sees at `now`. Expiry is hard: from `expiresAt` on, an open request
 * reads `expired` whether or not it was persisted. An answered request stays `answered`
 * after its expiry (its answer secret has its own lifetime).
 */
export function effectiveRequestStatus(record: RequestRecord, now: number): RequestStatus {
  if (record.status === 'open' && now >= record.expiresAt) return 'expired';
  return record.status;
}

/** Whether an answer (or the customer's meta) at `now` can succeed: open and not expired. */
export function isAnswerable(record: RequestRecord, now: number): boolean {
  return record.status === 'open' && now < record.expiresAt;
}

/**
 * The request state machine (DESIGN.md §10), pure like the secret's: open → answered;
 * open → expired (hard, by time); open | answered → burned (by the creator); anything →
 * burned for integrity (a row whose MAC failed is untrusted in every field).
 *
 * @example
 * ```ts
 * const result = transitionRequest(request, { type: 'burn', reason: 'creator' }, Date.now());
 * ```
 */
export function transitionRequest(
  record: RequestRecord,
  event: RequestEvent,
  now: number,
): RequestTransitionResult {
  const version = record.version + 1;
  switch (event.type) {
    case 'answer': {
      if (!isAnswerable(record, now)) return { ok: false, refusal: 'not_answerable' };
      return {
        ok: true,
        record: {
          ...record,
          version,
          status: 'answered',
          answeredAt: now,
          answerSecretId: event.answerSecretId,
          ephemeralKey: Uint8Array.from(event.ephemeralKey),
        },
        effects: [clientEffect('answered', now, { secretId: event.answerSecretId })],
      };
    }
    case 'burn': {
      const next: RequestRecord = { ...record, version, status: 'burned', burnedAt: now };
      if (event.reason === 'integrity') {
        return {
          ok: true,
          record: next,
          effects: [
            clientEffect('integrity_failed', now, null),
            clientEffect('burned', now, { reason: 'integrity' }),
          ],
        };
      }
      const status = effectiveRequestStatus(record, now);
      if (status !== 'open' && status !== 'answered') return { ok: false, refusal: 'not_burnable' };
      return {
        ok: true,
        record: next,
        effects: [clientEffect('burned', now, { reason: 'creator' })],
      };
    }
    case 'expire': {
      if (record.status !== 'open' || now < record.expiresAt) {
        return { ok: false, refusal: 'not_expirable' };
      }
      return {
        ok: true,
        record: { ...record, version, status: 'expired' },
        effects: [{ type: 'expired', at: record.expiresAt, detail: null, fromClient: false }],
      };
    }
  }
}

function clientEffect(
  type: LifecycleEffect['type'],
  at: number,
  detail: LifecycleEffect['detail'],
): LifecycleEffect {
  return { type, at, detail, fromClient: true };
}
