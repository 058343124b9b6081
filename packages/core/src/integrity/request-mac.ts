import { hmacSha256 } from '../hash';
import type { RequestRecord } from '../store/types';
import { encodeRequestForMac } from './canonical-request';
import { equalBytes } from './equal-bytes';
import type { Keyring } from './keyring';

/**
 * The MAC of a request under the key its `keyId` names (DESIGN.md §3's scheme, §10).
 * @throws {RangeError} when the keyring does not hold the request's key id.
 */
export function macRequest(record: RequestRecord, keyring: Keyring): Uint8Array {
  const key = keyring.get(record.keyId);
  if (!key) throw new RangeError('macRequest: the keyring has no key with the request’s keyId.');
  return hmacSha256(key.macKey, encodeRequestForMac(record));
}

/** Returns the request with its MAC recomputed (after a transition changed it). */
export function withRequestMac(record: RequestRecord, keyring: Keyring): RequestRecord {
  return { ...record, mac: macRequest(record, keyring) };
}

/**
 * Whether a stored request's MAC holds (constant-time compare). False — never a throw —
 * for an unknown key id, a MAC of the wrong size, or any covered field changed.
 */
export function verifyRequest(record: RequestRecord, keyring: Keyring): boolean {
  try {
    const key = keyring.get(record.keyId);
    if (!key || !(record.mac instanceof Uint8Array) || record.mac.length !== 32) return false;
    return equalBytes(hmacSha256(key.macKey, encodeRequestForMac(record)), record.mac);
  } catch {
    return false;
  }
}
