import { NONCE_BYTES, SALT_BYTES } from './constants';
import { randomBytes } from './random-bytes';
import { type SealOptions, type SealResult, sealWith } from './seal-with';

/**
 * Encrypts a secret into a version-1 envelope under a key the caller already has (a request
 * answer's derived `K`), with a fresh random salt and nonce. {@link seal} is this with a fresh
 * random key; the salt makes every `encKey` distinct, so a key may seal more than once.
 * @param key - the 32-byte fragment key `K`; the result's `key` is a copy of it.
 * @throws {CryptoError} `invalid_key`, `invalid_passphrase`, `kdf_out_of_bounds`, `plaintext_too_large`.
 * @throws {TypeError} when `plaintext` is not a string.
 * @example
 * ```ts
 * const { envelope, keyProof } = await sealWithKey('hunter2', key);
 * ```
 */
export function sealWithKey(
  plaintext: string,
  key: Uint8Array,
  options: SealOptions = {},
): Promise<SealResult> {
  return sealWith(plaintext, {
    ...options,
    key,
    salt: randomBytes(SALT_BYTES),
    nonce: randomBytes(NONCE_BYTES),
  });
}
