/**
 * Strict base64url without padding (RFC 4648 §5), the only text form of Hushlink bytes.
 *
 * `@scure/base`'s `base64urlnopad` already rejects `=`, `+`, `/`, whitespace and
 * non-canonical trailing bits. We still check the alphabet and the length shape ourselves
 * first, so that strictness does not silently depend on a dependency's internals (a native
 * `Uint8Array.fromBase64` path, for one, would accept whitespace).
 */
import { base64urlnopad } from '@scure/base';
import { CryptoError } from '../errors';

const ALPHABET_ONLY = /^[A-Za-z0-9_-]*$/;

/**
 * Encodes bytes as base64url without padding.
 * @throws {TypeError} when `bytes` is not a `Uint8Array`.
 * @example
 * ```ts
 * encodeBase64url(new Uint8Array([0x12, 0xab])); // 'Eqs'
 * ```
 */
export function encodeBase64url(bytes: Uint8Array): string {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('encodeBase64url expects a Uint8Array');
  return base64urlnopad.encode(bytes);
}

/**
 * Decodes strict base64url without padding.
 * @param text - only `A–Z a–z 0–9 - _`, no `=`, no whitespace, canonical trailing bits.
 * @param expectedLength - when given, the decoded byte length must equal it.
 * @throws {CryptoError} `invalid_base64url` for anything else, including a wrong length.
 * @example
 * ```ts
 * decodeBase64url('Eqs'); // Uint8Array [0x12, 0xab]
 * decodeBase64url('Eqs=', 2); // throws invalid_base64url
 * ```
 */
export function decodeBase64url(text: string, expectedLength?: number): Uint8Array {
  // A base64 string of length 4k+1 cannot encode whole bytes.
  if (typeof text !== 'string' || !ALPHABET_ONLY.test(text) || text.length % 4 === 1) {
    throw invalid(expectedLength);
  }
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(text);
  } catch (cause) {
    throw invalid(expectedLength, cause);
  }
  if (expectedLength !== undefined && bytes.length !== expectedLength)
    throw invalid(expectedLength);
  return bytes;
}

/**
 * Whether `text` is strict base64url that {@link decodeBase64url} accepts (of `expectedLength`
 * bytes when given). Never throws.
 */
export function isBase64url(text: string, expectedLength?: number): boolean {
  try {
    decodeBase64url(text, expectedLength);
    return true;
  } catch {
    return false;
  }
}

function invalid(expectedLength: number | undefined, cause?: unknown): CryptoError {
  const what = expectedLength === undefined ? 'bytes' : `${expectedLength} bytes`;
  // The message never echoes the input: it may be a key.
  return new CryptoError(
    'invalid_base64url',
    `Expected base64url without padding encoding ${what}.`,
    cause === undefined ? undefined : { cause },
  );
}
