/**
 * X25519 with every input checked and every failure typed. Internal to the request-link
 * module: callers use `deriveRequestAnswerKey` / `sealForRequest`.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { CryptoError } from '../errors';
import { X25519_KEY_BYTES } from './request-constants';

/**
 * Checks that `key` is a 32-byte `Uint8Array`.
 * @throws {CryptoError} `invalid_key`, naming `what` (never the bytes).
 */
export function assertX25519Key(key: unknown, what: string): asserts key is Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== X25519_KEY_BYTES) {
    throw new CryptoError('invalid_key', `The ${what} must be ${X25519_KEY_BYTES} bytes.`);
  }
}

/** The public key of an X25519 secret key. */
export function x25519PublicKey(secretKey: Uint8Array): Uint8Array {
  assertX25519Key(secretKey, 'secret key');
  return x25519.getPublicKey(secretKey);
}

/**
 * `X25519(secretKey, publicKey)`, refusing a low-order public key (whose shared secret is
 * all zero whatever the secret key: anyone could compute it, so the answer would be readable
 * by all). noble rejects the known low-order points before the ladder runs; the all-zero
 * check after it is the RFC 7748 §6.1 rule, kept so the guarantee does not rest on that list.
 * @throws {CryptoError} `invalid_key` for a wrong length or a low-order point.
 */
export function x25519SharedSecret(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  assertX25519Key(secretKey, 'secret key');
  assertX25519Key(publicKey, 'public key');
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(secretKey, publicKey);
  } catch (cause) {
    throw lowOrder(cause);
  }
  if (isAllZero(shared)) throw lowOrder();
  return shared;
}

function isAllZero(bytes: Uint8Array): boolean {
  // Constant time in the content: the shared secret is secret.
  let any = 0;
  for (const byte of bytes) any |= byte;
  return any === 0;
}

function lowOrder(cause?: unknown): CryptoError {
  return new CryptoError(
    'invalid_key',
    'The public key is a low-order point: it cannot protect a secret.',
    cause === undefined ? undefined : { cause },
  );
}
