import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { SecretRecord } from '../store/types';
import { encodeRecordForMac } from './canonical-record';
import { equalBytes } from './equal-bytes';
import type { Keyring } from './keyring';

/**
 * The MAC of a record under the key its `keyId` names: HMAC-SHA256(macKey, canonical encoding).
 * New records carry the current key's id; a record keeps its key id for its whole life.
 * @throws {RangeError} when the keyring does not hold the record's key id (a caller bug:
 *   set `keyId` to `keyring.current.id` first).
 */
export function macRecord(record: SecretRecord, keyring: Keyring): Uint8Array {
  const key = keyring.get(record.keyId);
  if (!key) throw new RangeError('macRecord: the keyring has no key with the record’s keyId.');
  return hmac(sha256, key.macKey, encodeRecordForMac(record));
}

/**
 * Whether a stored record's MAC holds (constant-time compare). False — never a throw — for an
 * unknown key id, a MAC of the wrong size, or any field changed since the MAC was computed.
 */
export function verifyRecord(record: SecretRecord, keyring: Keyring): boolean {
  try {
    const key = keyring.get(record.keyId);
    if (!key || !(record.mac instanceof Uint8Array) || record.mac.length !== 32) return false;
    return equalBytes(hmac(sha256, key.macKey, encodeRecordForMac(record)), record.mac);
  } catch {
    return false;
  }
}

/** Returns the record with its MAC recomputed (after a transition changed it). */
export function withMac(record: SecretRecord, keyring: Keyring): SecretRecord {
  return { ...record, mac: macRecord(record, keyring) };
}
