/**
 * The 48-byte envelope header (DESIGN.md §2), and the checks a server runs on create and a
 * recipient runs before opening: nothing is derived or decrypted from a header that fails.
 */
import { CryptoError } from '../errors';
import type { KdfParams } from '../store/types';
import {
  FLAG_PASSPHRASE,
  HEADER_BYTES,
  MAGIC_0,
  MAGIC_1,
  MIN_ENVELOPE_BYTES,
  NONCE_BYTES,
  PAD_BLOCK_BYTES,
  SALT_BYTES,
  TAG_BYTES,
  VERSION,
} from './constants';
import { checkKdfParams } from './kdf-params';
import { maxEnvelopeBytes } from './plaintext-limit';

/** What an envelope's header says, once validated. */
export interface EnvelopeHeader {
  version: 1;
  /** Flag bit 0: opening needs the passphrase. */
  passphrase: boolean;
  /** scrypt parameters, within bounds, when `passphrase`; otherwise null. */
  kdf: KdfParams | null;
  /** 16 bytes; serves scrypt and the salted HKDFs. */
  salt: Uint8Array;
  /** 24 bytes; the XChaCha20-Poly1305 nonce. */
  nonce: Uint8Array;
}

const SALT_OFFSET = 8;
const NONCE_OFFSET = SALT_OFFSET + SALT_BYTES;

/**
 * Parses and validates an envelope's header and length shape, without any key.
 *
 * Checks, in order: size against the cap (`plaintext_too_large`); at least a header, the
 * magic "HL" (`malformed_envelope`); version 1 (`unsupported_version`); no unknown flag
 * bit, a zero reserved byte, zero KDF bytes without the passphrase flag
 * (`malformed_envelope`); KDF bytes within bounds with the flag (`kdf_out_of_bounds`);
 * length `48 + 256·k + 16`, k ≥ 1 (`malformed_envelope`).
 * @param options.maxPlaintextBytes - the plaintext cap the size limit follows from (default 65,536).
 * @returns the header, with `salt` and `nonce` copied out of `envelope`.
 * @throws {CryptoError} with the codes above.
 * @example
 * ```ts
 * const header = parseHeader(envelope);
 * if (header.passphrase) askForPassphrase();
 * ```
 */
export function parseHeader(
  envelope: Uint8Array,
  options?: { maxPlaintextBytes?: number },
): EnvelopeHeader {
  if (!(envelope instanceof Uint8Array)) throw malformed('not bytes');
  // Size first: an oversize body is refused for its size (HTTP 413), whatever it holds.
  if (envelope.length > maxEnvelopeBytes(options?.maxPlaintextBytes)) {
    throw new CryptoError(
      'plaintext_too_large',
      'The envelope is larger than the plaintext cap allows.',
    );
  }
  if (envelope.length < HEADER_BYTES) throw malformed('shorter than a header');
  // Length ≥ 48 is checked above, so every offset read below exists.
  const byteAt = (offset: number): number => envelope[offset] ?? 0;
  const [m0, m1, version, flags] = [byteAt(0), byteAt(1), byteAt(2), byteAt(3)];
  const [logN, r, p, reserved] = [byteAt(4), byteAt(5), byteAt(6), byteAt(7)];
  if (m0 !== MAGIC_0 || m1 !== MAGIC_1) throw malformed('bad magic');
  if (version !== VERSION) {
    throw new CryptoError('unsupported_version', `Unsupported envelope version ${version}.`);
  }
  if ((flags & ~FLAG_PASSPHRASE) !== 0) throw malformed('unknown flag bits');
  if (reserved !== 0) throw malformed('non-zero reserved byte');
  const passphrase = (flags & FLAG_PASSPHRASE) !== 0;
  let kdf: KdfParams | null = null;
  if (passphrase) {
    kdf = { logN, r, p };
    checkKdfParams(kdf);
  } else if (logN !== 0 || r !== 0 || p !== 0) {
    throw malformed('KDF bytes without the passphrase flag');
  }
  const bodyBytes = envelope.length - HEADER_BYTES - TAG_BYTES;
  if (envelope.length < MIN_ENVELOPE_BYTES || bodyBytes % PAD_BLOCK_BYTES !== 0) {
    throw malformed('length is not 48 + 256·k + 16');
  }
  return {
    version: VERSION,
    passphrase,
    kdf,
    salt: envelope.slice(SALT_OFFSET, SALT_OFFSET + SALT_BYTES),
    nonce: envelope.slice(NONCE_OFFSET, NONCE_OFFSET + NONCE_BYTES),
  };
}

/**
 * The 48 header bytes for a header (also the AEAD's associated data).
 * Internal: callers validate `kdf`, `salt` and `nonce` first.
 */
export function encodeHeader(header: EnvelopeHeader): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  bytes[0] = MAGIC_0;
  bytes[1] = MAGIC_1;
  bytes[2] = VERSION;
  if (header.passphrase && header.kdf) {
    bytes[3] = FLAG_PASSPHRASE;
    bytes[4] = header.kdf.logN;
    bytes[5] = header.kdf.r;
    bytes[6] = header.kdf.p;
  }
  bytes.set(header.salt, SALT_OFFSET);
  bytes.set(header.nonce, NONCE_OFFSET);
  return bytes;
}

/**
 * Checks a header a caller built by hand (e.g. from the server's `meta` answer) before
 * proofs are derived from it.
 * @throws {CryptoError} `malformed_envelope` (bad salt, flag/KDF mismatch), `kdf_out_of_bounds`.
 */
export function assertUsableHeader(header: EnvelopeHeader): void {
  if (typeof header !== 'object' || header === null) throw malformed('missing header');
  if (!(header.salt instanceof Uint8Array) || header.salt.length !== SALT_BYTES) {
    throw malformed(`salt must be ${SALT_BYTES} bytes`);
  }
  if (header.passphrase) {
    if (!header.kdf) throw malformed('passphrase flag without KDF parameters');
    checkKdfParams(header.kdf);
  } else if (header.kdf) {
    throw malformed('KDF parameters without the passphrase flag');
  }
}

function malformed(why: string): CryptoError {
  return new CryptoError('malformed_envelope', `Malformed envelope: ${why}.`);
}
