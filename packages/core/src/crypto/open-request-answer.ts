import { CryptoError } from '../errors';
import { parseHeader } from './header';
import { open } from './open';
import { deriveRequestAnswerKey } from './request-keys';

/**
 * Opens a request's answer with the request's `sk` and the answer's `epk`: derives `K`
 * ({@link deriveRequestAnswerKey}) and opens the envelope. For server-side callers that
 * already hold the envelope (a page uses `deriveRequestAnswerKey` and the ordinary
 * meta/reveal instead). An answer never has a passphrase; a flagged envelope is refused
 * before any KDF runs.
 * @throws {CryptoError} `invalid_key` (length, low-order `epk`); `malformed_envelope` for a
 *   passphrase-flagged envelope; the header codes of {@link parseHeader}; the codes of
 *   {@link open} (`decrypt_failed` for a wrong `sk`, a wrong `epk` or a tampered envelope).
 * @example
 * ```ts
 * const text = await openRequestAnswer(envelope, ephemeralKey, secretKey);
 * ```
 */
export async function openRequestAnswer(
  envelope: Uint8Array,
  ephemeralKey: Uint8Array,
  secretKey: Uint8Array,
  options?: { maxPlaintextBytes?: number },
): Promise<string> {
  if (parseHeader(envelope, options).passphrase) {
    throw new CryptoError('malformed_envelope', 'A request answer never has a passphrase.');
  }
  const key = deriveRequestAnswerKey(secretKey, ephemeralKey);
  try {
    return await open(envelope, key, null, options);
  } finally {
    key.fill(0);
  }
}
