import { decryptEnvelope } from './decrypt-envelope';
import { deriveInputKeyMaterial, requirePassphraseMatch } from './derive-keys';
import { parseHeader } from './header';
import { assertKey } from './key';
import { normalizePassphrase } from './passphrase';
import { resolveMaxPlaintextBytes } from './plaintext-limit';

/**
 * Decrypts a version-1 envelope. The header is validated (and the KDF bounded) before scrypt
 * or the cipher runs.
 *
 * A wrong key, a wrong passphrase and a tampered envelope are indistinguishable to the AEAD
 * and all fail as `decrypt_failed`; the server's 403 is what tells a recipient the
 * passphrase was wrong.
 * @param passphrase - required exactly when the envelope's passphrase flag is set; only
 *   `null`/`undefined` mean "none".
 * @throws {CryptoError} `invalid_key`; header codes of {@link parseHeader};
 *   `passphrase_required`; `unexpected_passphrase`; `invalid_passphrase`; `decrypt_failed`;
 *   `bad_padding`; `plaintext_too_large` (the text exceeds the cap); `malformed_envelope`
 *   (the decrypted text is not UTF-8).
 * @example
 * ```ts
 * const secret = await open(envelope, key, passphrase);
 * ```
 */
export async function open(
  envelope: Uint8Array,
  key: Uint8Array,
  passphrase?: string | null,
  options?: { maxPlaintextBytes?: number },
): Promise<string> {
  assertKey(key);
  const maxPlaintextBytes = resolveMaxPlaintextBytes(options?.maxPlaintextBytes);
  const header = parseHeader(envelope, { maxPlaintextBytes });
  const given = requirePassphraseMatch(header.passphrase, passphrase);
  if (given !== null) normalizePassphrase(given).fill(0);

  const ikm = await deriveInputKeyMaterial(key, given, header.salt, header.kdf);
  try {
    return decryptEnvelope(envelope, header, ikm, maxPlaintextBytes);
  } finally {
    ikm.fill(0);
  }
}
