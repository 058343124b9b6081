import { NotAvailableError, StoreUnavailableError } from '../errors';
import { equalBytes, verifier } from '../integrity';
import { envelopeDigestOf } from '../integrity/canonical-record';
// Not part of the integrity API: the service passes the envelope digest from check to MAC.
import { macRecordWithDigest, verifyRecordWithDigest } from '../integrity/record-mac';
import { type LifecycleEvent, transition } from '../lifecycle';
import { ipForStorage } from '../net';
import type { AuditEventInput, SecretRecord } from '../store/types';
import type { ResolvedOptions } from './options';
import type { ClientInfo } from './types';

/** What every service operation works with: the resolved options, the store already guarded. */
export type ServiceContext = ResolvedOptions;

/** No client caused it: the sweep. */
export const NO_CLIENT: ClientInfo = { ip: null, userAgent: null };

/**
 * How many times an operation re-reads and retries after losing a compare-and-set race.
 * Each retry means another caller moved the record on, so the bound is only reached when
 * a store keeps answering false without anyone winning (a broken store).
 */
export const MAX_CAS_ROUNDS = 1000;

/** Proofs and verifiers are 32 bytes. */
export const PROOF_BYTES = 32;

/** True for a 32-byte `Uint8Array`. */
export function isProof(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === PROOF_BYTES;
}

/** Outcome of trying to persist one transition. */
export type CommitOutcome =
  | { status: 'committed'; record: SecretRecord; events: AuditEventInput[] }
  /** The transition is not allowed from this record. */
  | { status: 'refused' }
  /** Someone else changed the record first: re-read and decide again. */
  | { status: 'conflict' };

/** A record whose MAC held, with its envelope's digest as the MAC covered it. */
export interface SoundRecord {
  record: SecretRecord;
  /** `envelopeDigestOf(record.envelope)`: reused when the next record keeps the envelope. */
  envelopeDigest: unknown;
}

/**
 * Runs one lifecycle transition on `record` and persists it with compare-and-set on the
 * version that was read, with the MAC recomputed and the audit events attached.
 * `envelopeDigest`, when given, is `record`'s (from its verification): a next record that
 * keeps the same envelope is MACed without hashing the envelope again.
 */
export async function commitTransition(
  ctx: ServiceContext,
  record: SecretRecord,
  event: LifecycleEvent,
  client: ClientInfo,
  now: number,
  envelopeDigest?: unknown,
): Promise<CommitOutcome> {
  const result = transition(record, event, now, {
    maxPassphraseAttempts: ctx.maxPassphraseAttempts,
  });
  if (!result.ok) return { status: 'refused' };
  let next = result.record;
  if (!ctx.keyring.get(next.keyId)) {
    // Only an integrity burn gets here (the record's key is unknown): MAC the burned record
    // with the current key so that it reads as a sound, burned record from now on.
    next = { ...next, keyId: ctx.keyring.current.id };
  }
  const nextDigest =
    envelopeDigest !== undefined && next.envelope === record.envelope
      ? envelopeDigest
      : envelopeDigestOf(next.envelope);
  next = { ...next, mac: macRecordWithDigest(next, ctx.keyring, nextDigest) };
  const storedIp = ipForStorage(client.ip, ctx.ipStorage);
  const events = result.effects.map(
    (effect): AuditEventInput => ({
      subjectId: record.id,
      type: effect.type,
      at: effect.at,
      ip: effect.fromClient ? storedIp : null,
      userAgent: effect.fromClient ? client.userAgent : null,
      detail: effect.detail,
    }),
  );
  const won = await ctx.store.compareAndSet(record.id, record.version, next, events);
  return won ? { status: 'committed', record: next, events } : { status: 'conflict' };
}

/**
 * Reads a record and checks its MAC. A record that fails is burned (reason `integrity`,
 * envelope deleted, audited) before the caller answers `not_available`; a lost race on
 * that burn is fine, since someone else wrote first. Returns null for a missing or
 * tampered record.
 */
export async function readSoundRecord(
  ctx: ServiceContext,
  id: string,
  client: ClientInfo,
): Promise<SoundRecord | null> {
  const record = await ctx.store.get(id);
  if (!record) return null;
  const envelopeDigest = envelopeDigestOf(record.envelope);
  if (verifyRecordWithDigest(record, ctx.keyring, envelopeDigest))
    return { record, envelopeDigest };
  await commitTransition(ctx, record, { type: 'burn', reason: 'integrity' }, client, ctx.now());
  return null;
}

/**
 * Reads a record for a recipient: sound MAC and matching keyProof, else `NotAvailableError`
 * (one answer for missing, tampered and wrong key, counting nothing).
 */
export async function readForRecipient(
  ctx: ServiceContext,
  id: string,
  keyProof: unknown,
  client: ClientInfo,
): Promise<SoundRecord> {
  if (!isProof(keyProof) || typeof id !== 'string') throw new NotAvailableError();
  const sound = await readSoundRecord(ctx, id, client);
  if (!sound) throw new NotAvailableError();
  const expected = verifier(ctx.keyring, keyProof, sound.record.keyId);
  if (!equalBytes(expected, sound.record.keyProofVerifier)) throw new NotAvailableError();
  return sound;
}

/**
 * Persists a hard expiry that a request noticed (the `expired` event at `expiresAt`, the
 * envelope deleted), so the creator's trail does not wait for the sweep. Losing the race
 * or finding nothing to do is fine.
 */
export async function persistExpiryIfDue(
  ctx: ServiceContext,
  record: SecretRecord,
  now: number,
): Promise<void> {
  if (now < record.expiresAt) return;
  await commitTransition(ctx, record, { type: 'expire' }, NO_CLIENT, now);
}

/** Thrown when compare-and-set keeps losing past {@link MAX_CAS_ROUNDS}. */
export function contentionError(): StoreUnavailableError {
  return new StoreUnavailableError('The secret store kept refusing the update; try again.');
}
