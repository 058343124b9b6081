/**
 * Passphrase handling: NFKC-normalised UTF-8 stretched by scrypt (DESIGN.md §2).
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { CryptoError } from '../errors';
import type { KdfParams } from '../store/types';
import { KEY_BYTES, MAX_PASSPHRASE_CHARS } from './constants';
import { checkKdfParams } from './kdf-params';

/**
 * NFKC can shrink a string (composition), but never by much; anything this long in UTF-16
 * units cannot normalise to 1,024 code points, so we refuse it before paying for NFKC.
 */
const RAW_LENGTH_GUARD = MAX_PASSPHRASE_CHARS * 16;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether the caller gave a passphrase at all. Only `null` and `undefined` mean "none": an
 * empty string is a passphrase, and an invalid one.
 */
export function hasPassphrase(passphrase: string | null | undefined): passphrase is string {
  return passphrase !== null && passphrase !== undefined;
}

/**
 * The bytes scrypt hashes: UTF-8 of the NFKC form. Not trimmed: spaces are part of it.
 * @throws {CryptoError} `invalid_passphrase` when it is not a string, empty after NFKC,
 *   longer than 1,024 code points after NFKC, or holds a lone surrogate (which UTF-8
 *   cannot carry: two different passphrases would become the same bytes).
 */
export function normalizePassphrase(passphrase: string): Uint8Array {
  if (typeof passphrase !== 'string') throw invalid('must be a string');
  if (passphrase.length > RAW_LENGTH_GUARD)
    throw invalid(`at most ${MAX_PASSPHRASE_CHARS} characters`);
  const normalized = passphrase.normalize('NFKC');
  if (normalized.length === 0) throw invalid('must not be empty');
  if (LONE_SURROGATE.test(normalized)) throw invalid('must be valid Unicode text');
  let codePoints = 0;
  for (const _ of normalized) codePoints++;
  if (codePoints > MAX_PASSPHRASE_CHARS)
    throw invalid(`at most ${MAX_PASSPHRASE_CHARS} characters`);
  return new TextEncoder().encode(normalized);
}

/**
 * `P = scrypt(utf8(NFKC(passphrase)), salt, N = 2^logN, r, p, dkLen = 32)`.
 * The parameters are checked before scrypt runs.
 * @throws {CryptoError} `kdf_out_of_bounds`, `invalid_passphrase`.
 */
export async function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array,
  kdf: KdfParams,
): Promise<Uint8Array> {
  checkKdfParams(kdf);
  const password = normalizePassphrase(passphrase);
  try {
    return await scryptAsync(password, salt, {
      N: 2 ** kdf.logN,
      r: kdf.r,
      p: kdf.p,
      dkLen: KEY_BYTES,
    });
  } finally {
    password.fill(0);
  }
}

function invalid(rule: string): CryptoError {
  return new CryptoError('invalid_passphrase', `The passphrase ${rule}.`);
}
