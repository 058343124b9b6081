import type { AuditEventType, BurnReason, SecretRecord } from '../store/types';

/** What happened to a secret. Proofs are checked before: the state machine only counts. */
export type LifecycleEvent =
  /** A recipient presented the right keyProof (and passphrase proof, when one is needed). */
  | { type: 'reveal' }
  /** A recipient presented the right keyProof and a wrong passphrase proof. */
  | { type: 'passphrase_failed' }
  /** Destroy the secret: by its creator, after too many wrong passphrases, or after a MAC failure. */
  | { type: 'burn'; reason: BurnReason }
  /** Persist that `expiresAt` has passed. */
  | { type: 'expire' };

/** The rules a transition needs from the host's configuration. */
export interface LifecyclePolicy {
  /** Wrong passphrase proofs a secret survives; the last one burns it. Default 5. */
  maxPassphraseAttempts: number;
}

/** An audit event a transition asks the caller to append, in the same write as the record. */
export interface LifecycleEffect {
  type: AuditEventType;
  /** Epoch ms: `now`, except `expired` which happened at `expiresAt`. */
  at: number;
  detail: Record<string, unknown> | null;
  /** False when no client caused it (`expired`): the caller stores ip and user agent as null. */
  fromClient: boolean;
}

/** Why a transition is not allowed. Callers answer `not_available` (or do nothing). */
export type TransitionRefusal =
  /** Burned, expired, viewed to the end, or the envelope is gone. */
  | 'not_revealable'
  /** `expire` before `expiresAt`. */
  | 'not_expired'
  /** `expire` on a record with no status or envelope left to change. */
  | 'nothing_to_expire'
  /** `passphrase_failed` on a secret without a passphrase. */
  | 'no_passphrase';

/**
 * A transition's outcome: the next record (version + 1; its `mac` is stale until the caller
 * recomputes it) and the events to append, or a refusal.
 */
export type TransitionResult =
  | { ok: true; record: SecretRecord; effects: LifecycleEffect[] }
  | { ok: false; refusal: TransitionRefusal };
