import { NONCE_BYTES, SALT_BYTES } from './constants';
import { randomBytes } from './random-bytes';
import { X25519_KEY_BYTES } from './request-constants';
import {
  type RequestAnswer,
  type SealForRequestOptions,
  sealForRequestWith,
} from './seal-for-request-with';

/**
 * The customer's side of a request link (DESIGN.md §10): seals `plaintext` so that only the
 * holder of the request's `sk` can read it. A fresh ephemeral pair `(esk, epk)` gives
 * `K = HKDF-SHA256(X25519(esk, pk), salt = epk || pk, info = "hushlink/v1/request", 32)`,
 * and the text becomes an ordinary version-1 envelope under `K`, without passphrase. `esk`
 * and `K` are wiped before this returns: not even the customer can open the answer again.
 *
 * Send `{ requestProof: deriveRequestProof(pk), envelope, keyProof, ephemeralKey }` to
 * `POST /api/requests/{id}/answer` (all base64url).
 * @param publicKey - the request's `pk`, from the customer's link fragment.
 * @throws {CryptoError} `invalid_key` (not 32 bytes, or a low-order point), `plaintext_too_large`.
 * @throws {TypeError} when `plaintext` is not a string.
 * @example
 * ```ts
 * const pk = decodeBase64url(location.hash.slice(1), 32);
 * const { envelope, keyProof, ephemeralKey } = await sealForRequest('hunter2', pk);
 * ```
 */
export async function sealForRequest(
  plaintext: string,
  publicKey: Uint8Array,
  options: SealForRequestOptions = {},
): Promise<RequestAnswer> {
  const ephemeralSecretKey = randomBytes(X25519_KEY_BYTES);
  try {
    const { key, ...answer } = await sealForRequestWith(plaintext, publicKey, {
      ...options,
      ephemeralSecretKey,
      salt: randomBytes(SALT_BYTES),
      nonce: randomBytes(NONCE_BYTES),
    });
    key.fill(0);
    return answer;
  } finally {
    ephemeralSecretKey.fill(0);
  }
}
