/**
 * The last step of opening, shared by `open` and the opener of `prepareOpen`, so that both
 * decrypt, unpad and decode exactly alike.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { CryptoError } from '../errors';
import { HEADER_BYTES } from './constants';
import { deriveEncKey } from './derive-keys';
import type { EnvelopeHeader } from './header';
import { unpad } from './padding';

/**
 * Decrypts an envelope whose header was already parsed, under the input keying material
 * (`K`, or `K || P`). Internal: the caller validated the header and wipes `ikm` itself;
 * `encKey` and the padded plaintext are wiped here.
 * @throws {CryptoError} `decrypt_failed`; `bad_padding`; `plaintext_too_large`;
 *   `malformed_envelope` (the decrypted text is not UTF-8).
 */
export function decryptEnvelope(
  envelope: Uint8Array,
  header: EnvelopeHeader,
  ikm: Uint8Array,
  maxPlaintextBytes: number,
): string {
  const encKey = deriveEncKey(ikm, header.salt);
  let padded: Uint8Array;
  try {
    padded = xchacha20poly1305(encKey, header.nonce, envelope.subarray(0, HEADER_BYTES)).decrypt(
      envelope.subarray(HEADER_BYTES),
    );
  } catch (cause) {
    throw new CryptoError('decrypt_failed', 'The secret could not be decrypted.', { cause });
  } finally {
    encKey.fill(0);
  }
  try {
    const text = unpad(padded);
    if (text.length > maxPlaintextBytes) {
      throw new CryptoError('plaintext_too_large', 'The secret is larger than the plaintext cap.');
    }
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(text);
    } catch {
      throw new CryptoError('malformed_envelope', 'The decrypted secret is not UTF-8 text.');
    }
  } finally {
    padded.fill(0);
  }
}
