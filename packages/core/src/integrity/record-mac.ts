import { hmacSha256 } from '../hash';
import type { SecretRecord } from '../store/types';
import { encodeWithEnvelopeDigest, envelopeDigestOf } from './canonical-record';
import { equalBytes } from './equal-bytes';
import type { Keyring } from './keyring';

/**
 * The MAC of a record under the key its `keyId` names: HMAC-SHA256(macKey, canonical encoding).
 * New records carry the current key's id; a record keeps its key id for its whole life.
 * @throws {RangeError} when the keyring does not hold the record's key id (a caller bug:
 *   set `keyId` to `keyring.current.id` first).
 */
export function macRecord(record: SecretRecord, keyring: Keyring): Uint8Array {
  return macRecordWithDigest(record, keyring, envelopeDigestOf(record.envelope));
}

/**
 * Whether a stored record's MAC holds (constant-time compare). False — never a throw — for an
 * unknown key id, a MAC of the wrong size, or any field changed since the MAC was computed.
 */
export function verifyRecord(record: SecretRecord, keyring: Keyring): boolean {
  try {
    return verifyRecordWithDigest(record, keyring, envelopeDigestOf(record.envelope));
  } catch {
    return false;
  }
}

/** Returns the record with its MAC recomputed (after a transition changed it). */
export function withMac(record: SecretRecord, keyring: Keyring): SecretRecord {
  return { ...record, mac: macRecord(record, keyring) };
}

/**
 * {@link macRecord} with `envelopeDigestOf(record.envelope)` already computed, so that a
 * request that verified a record and keeps its envelope hashes the envelope once.
 * @throws {RangeError} as {@link macRecord}.
 */
export function macRecordWithDigest(
  record: SecretRecord,
  keyring: Keyring,
  envelopeDigest: unknown,
): Uint8Array {
  const key = keyring.get(record.keyId);
  if (!key) throw new RangeError('macRecord: the keyring has no key with the record’s keyId.');
  return hmacSha256(key.macKey, encodeWithEnvelopeDigest(record, envelopeDigest));
}

/**
 * {@link verifyRecord} with `envelopeDigestOf(record.envelope)` already computed (and the
 * digest reusable for the record's successor). False, never a throw.
 */
export function verifyRecordWithDigest(
  record: SecretRecord,
  keyring: Keyring,
  envelopeDigest: unknown,
): boolean {
  try {
    const key = keyring.get(record.keyId);
    if (!key || !(record.mac instanceof Uint8Array) || record.mac.length !== 32) return false;
    const expected = hmacSha256(key.macKey, encodeWithEnvelopeDigest(record, envelopeDigest));
    return equalBytes(expected, record.mac);
  } catch {
    return false;
  }
}
