/**
 * Sealing with every random input injected: the key, the salt and the nonce.
 *
 * INTERNAL and test-only: not exported from `index.ts`. Reusing a (key, salt, nonce) triple
 * breaks the AEAD; production code calls `seal`, which draws all three fresh. The vector
 * tests and `scripts/generate-vectors.ts` use it to produce byte-exact envelopes.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { CryptoError } from '../errors';
import type { KdfParams } from '../store/types';
import { DEFAULT_KDF, NONCE_BYTES, SALT_BYTES } from './constants';
import {
  deriveEncKey,
  deriveInputKeyMaterial,
  deriveKeyProof,
  derivePassphraseProof,
} from './derive-keys';
import { encodeHeader } from './header';
import { checkKdfParams } from './kdf-params';
import { assertKey } from './key';
import { pad } from './padding';
import { hasPassphrase, normalizePassphrase } from './passphrase';
import { resolveMaxPlaintextBytes } from './plaintext-limit';

/** What sealing returns: the envelope for the server, the key for the link, the proofs. */
export interface SealResult {
  envelope: Uint8Array;
  key: Uint8Array;
  keyProof: Uint8Array;
  passphraseProof: Uint8Array | null;
}

/** Options shared by `seal` and `sealWith`. */
export interface SealOptions {
  /**
   * Optional passphrase; NFKC-normalised, not trimmed, 1..1024 code points. `null` and
   * `undefined` mean none; `''` is refused as `invalid_passphrase`.
   */
  passphrase?: string | null;
  /** scrypt parameters when a passphrase is set; default {@link DEFAULT_KDF}. Ignored without one. */
  kdf?: KdfParams;
  /** Plaintext cap in UTF-8 bytes; default 65,536. */
  maxPlaintextBytes?: number;
}

/** Everything random in an envelope, injected. */
export interface SealInputs extends SealOptions {
  key: Uint8Array;
  salt: Uint8Array;
  nonce: Uint8Array;
}

/**
 * Seals `plaintext` with the given key, salt and nonce. Validates everything before any
 * expensive work (scrypt) starts.
 * @throws {CryptoError} `invalid_key`, `invalid_passphrase`, `kdf_out_of_bounds`, `plaintext_too_large`.
 * @throws {TypeError} when `plaintext` is not a string; {@link RangeError} for a bad salt, nonce or cap.
 */
export async function sealWith(plaintext: string, inputs: SealInputs): Promise<SealResult> {
  const { key, salt, nonce } = inputs;
  assertKey(key);
  if (!(salt instanceof Uint8Array) || salt.length !== SALT_BYTES) {
    throw new RangeError(`salt must be ${SALT_BYTES} bytes`);
  }
  if (!(nonce instanceof Uint8Array) || nonce.length !== NONCE_BYTES) {
    throw new RangeError(`nonce must be ${NONCE_BYTES} bytes`);
  }
  if (typeof plaintext !== 'string') throw new TypeError('The plaintext must be a string.');
  const maxPlaintextBytes = resolveMaxPlaintextBytes(inputs.maxPlaintextBytes);
  const passphrase = hasPassphrase(inputs.passphrase) ? inputs.passphrase : null;
  const kdf = passphrase === null ? null : (inputs.kdf ?? DEFAULT_KDF);
  if (passphrase !== null && kdf !== null) {
    normalizePassphrase(passphrase).fill(0);
    checkKdfParams(kdf);
  }
  // Lone surrogates become U+FFFD here, as in every browser form submission.
  const text = new TextEncoder().encode(plaintext);
  if (text.length > maxPlaintextBytes) {
    text.fill(0);
    throw new CryptoError(
      'plaintext_too_large',
      `The secret is ${text.length} bytes of UTF-8; at most ${maxPlaintextBytes} are allowed.`,
    );
  }

  const header = encodeHeader({
    version: 1,
    passphrase: passphrase !== null,
    kdf: kdf === null ? null : { logN: kdf.logN, r: kdf.r, p: kdf.p },
    salt,
    nonce,
  });
  const padded = pad(text);
  text.fill(0);
  const ikm = await deriveInputKeyMaterial(key, passphrase, salt, kdf);
  const encKey = deriveEncKey(ikm, salt);
  try {
    const body = xchacha20poly1305(encKey, nonce, header).encrypt(padded);
    const envelope = new Uint8Array(header.length + body.length);
    envelope.set(header, 0);
    envelope.set(body, header.length);
    return {
      envelope,
      key: key.slice(),
      keyProof: deriveKeyProof(key),
      passphraseProof: passphrase === null ? null : derivePassphraseProof(ikm, salt),
    };
  } finally {
    padded.fill(0);
    encKey.fill(0);
    ikm.fill(0);
  }
}
