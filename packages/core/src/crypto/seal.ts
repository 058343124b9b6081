import { NONCE_BYTES, SALT_BYTES } from './constants';
import { generateKey, randomBytes } from './random-bytes';
import { type SealOptions, type SealResult, sealWith } from './seal-with';

/**
 * Encrypts a secret into a version-1 envelope under a fresh random key, salt and nonce.
 *
 * Send `envelope`, `keyProof` and `passphraseProof` to the server; put `key` in the link's
 * fragment only (see {@link buildLink}). With a passphrase, scrypt runs here (about 0.2 s at
 * the default logN 15).
 * @param plaintext - the secret; its UTF-8 bytes count against `maxPlaintextBytes` (64 KiB).
 * @throws {CryptoError} `invalid_passphrase` (empty after NFKC, > 1,024 characters),
 *   `kdf_out_of_bounds`, `plaintext_too_large`.
 * @throws {TypeError} when `plaintext` is not a string.
 * @example
 * ```ts
 * const { envelope, key, keyProof, passphraseProof } = await seal('hunter2', { passphrase: 'blue' });
 * ```
 */
export async function seal(plaintext: string, options: SealOptions = {}): Promise<SealResult> {
  const key = generateKey();
  try {
    return await sealWith(plaintext, {
      ...options,
      key,
      salt: randomBytes(SALT_BYTES),
      nonce: randomBytes(NONCE_BYTES),
    });
  } finally {
    // sealWith hands back its own copy of the key.
    key.fill(0);
  }
}
