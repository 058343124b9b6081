import { CryptoError } from '../errors';
import { KEY_BYTES } from './constants';

/**
 * Checks a fragment key before any work uses it.
 * @throws {CryptoError} `invalid_key` when `key` is not a 32-byte `Uint8Array`.
 */
export function assertKey(key: unknown): asserts key is Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
    throw new CryptoError('invalid_key', `The key must be ${KEY_BYTES} bytes.`);
  }
}
