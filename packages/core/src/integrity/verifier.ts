import { hmacSha256 } from '../hash';
import type { Keyring } from './keyring';

/**
 * What the server stores instead of a proof: HMAC-SHA256(verifierKey, proof), with the
 * verifier key of `keyId` (the current key for a new record). A database reader cannot
 * turn a verifier back into the proof, nor compute one without the key.
 * @throws {RangeError} when the keyring does not hold `keyId`.
 */
export function verifier(
  keyring: Keyring,
  proof: Uint8Array,
  keyId: string = keyring.current.id,
): Uint8Array {
  const key = keyring.get(keyId);
  if (!key) throw new RangeError('verifier: the keyring has no key with this keyId.');
  return hmacSha256(key.verifierKey, proof);
}
