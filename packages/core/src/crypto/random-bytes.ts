import { KEY_BYTES } from './constants';

/** `length` bytes from the platform CSPRNG (`crypto.getRandomValues`, in every runtime we support). */
export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/**
 * A fresh fragment key `K`: 32 random bytes. It belongs in the link's `#fragment` only.
 * @example
 * ```ts
 * const key = generateKey(); // Uint8Array(32)
 * ```
 */
export function generateKey(): Uint8Array {
  return randomBytes(KEY_BYTES);
}
