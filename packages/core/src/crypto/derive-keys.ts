/**
 * Key schedule of the version-1 envelope (DESIGN.md §2). Every output is 32 bytes.
 *
 *   IKM             = K                 (no passphrase)   or   K || P   (with one)
 *   encKey          = HKDF-SHA256(IKM, salt, "hushlink/v1/enc")
 *   keyProof        = HKDF-SHA256(K,   "",   "hushlink/v1/key-proof")
 *   passphraseProof = HKDF-SHA256(IKM, salt, "hushlink/v1/passphrase-proof")
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoError } from '../errors';
import type { KdfParams } from '../store/types';
import { INFO_ENC, INFO_KEY_PROOF, INFO_PASSPHRASE_PROOF, KEY_BYTES } from './constants';
import { assertUsableHeader, type EnvelopeHeader } from './header';
import { assertKey } from './key';
import { derivePassphraseKey, hasPassphrase } from './passphrase';

const EMPTY = new Uint8Array(0);

/**
 * `keyProof = HKDF-SHA256(K, salt = zero-length, info = "hushlink/v1/key-proof", 32)`.
 * Proves possession of the link (not of the passphrase); needs no envelope, so a recipient
 * sends it before fetching anything.
 * @throws {CryptoError} `invalid_key` when `key` is not 32 bytes.
 * @example
 * ```ts
 * const keyProof = deriveKeyProof(decodeBase64url(location.hash.slice(1), 32));
 * ```
 */
export function deriveKeyProof(key: Uint8Array): Uint8Array {
  assertKey(key);
  return hkdf(sha256, key, EMPTY, INFO_KEY_PROOF, KEY_BYTES);
}

/**
 * The input keying material: `K` alone, or `K || P` with `P` the scrypt output.
 * Internal. The caller wipes the result.
 */
export async function deriveInputKeyMaterial(
  key: Uint8Array,
  passphrase: string | null,
  salt: Uint8Array,
  kdf: KdfParams | null,
): Promise<Uint8Array> {
  if (passphrase === null || kdf === null) return key.slice();
  const stretched = await derivePassphraseKey(passphrase, salt, kdf);
  const ikm = new Uint8Array(KEY_BYTES * 2);
  ikm.set(key, 0);
  ikm.set(stretched, KEY_BYTES);
  stretched.fill(0);
  return ikm;
}

/** `encKey = HKDF-SHA256(IKM, salt, "hushlink/v1/enc", 32)`. Internal. */
export function deriveEncKey(ikm: Uint8Array, salt: Uint8Array): Uint8Array {
  return hkdf(sha256, ikm, salt, INFO_ENC, KEY_BYTES);
}

/** `passphraseProof = HKDF-SHA256(IKM, salt, "hushlink/v1/passphrase-proof", 32)`. Internal. */
export function derivePassphraseProof(ikm: Uint8Array, salt: Uint8Array): Uint8Array {
  return hkdf(sha256, ikm, salt, INFO_PASSPHRASE_PROOF, KEY_BYTES);
}

/**
 * Both proofs a recipient sends: `keyProof` always, `passphraseProof` when the header says
 * the envelope needs a passphrase (scrypt runs then, with the header's checked parameters).
 * The header can come from {@link parseHeader} or be built from the server's `meta` answer.
 * @throws {CryptoError} `invalid_key`; `passphrase_required` (flag set, none given);
 *   `unexpected_passphrase` (given, flag not set); `invalid_passphrase`;
 *   `malformed_envelope` / `kdf_out_of_bounds` for an unusable header.
 * @example
 * ```ts
 * const { keyProof, passphraseProof } = await deriveProofs(key, 'correct horse', header);
 * ```
 */
export async function deriveProofs(
  key: Uint8Array,
  passphrase: string | null | undefined,
  header: EnvelopeHeader,
): Promise<{ keyProof: Uint8Array; passphraseProof: Uint8Array | null }> {
  assertKey(key);
  assertUsableHeader(header);
  const given = requirePassphraseMatch(header.passphrase, passphrase);
  const keyProof = deriveKeyProof(key);
  if (given === null) return { keyProof, passphraseProof: null };
  const ikm = await deriveInputKeyMaterial(key, given, header.salt, header.kdf);
  try {
    return { keyProof, passphraseProof: derivePassphraseProof(ikm, header.salt) };
  } finally {
    ikm.fill(0);
  }
}

/**
 * Checks that a passphrase is given exactly when the envelope needs one.
 * @returns the passphrase, or null when none is needed.
 * @throws {CryptoError} `passphrase_required`, `unexpected_passphrase`.
 */
export function requirePassphraseMatch(
  needsPassphrase: boolean,
  passphrase: string | null | undefined,
): string | null {
  const given = hasPassphrase(passphrase);
  if (needsPassphrase && !given) {
    throw new CryptoError('passphrase_required', 'This secret needs a passphrase.');
  }
  if (!needsPassphrase && given) {
    throw new CryptoError(
      'unexpected_passphrase',
      'This secret has no passphrase, but one was given.',
    );
  }
  return given ? passphrase : null;
}
