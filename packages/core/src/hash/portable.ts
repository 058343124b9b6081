import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/**
 * SHA-256 and HMAC-SHA256 for every runtime (browsers, Deno, Bun, edge), on `@noble/hashes`.
 * `#hash` resolves here unless the `node` condition picks `./node` (same answers, faster).
 */

/** Which implementation `#hash` resolved to, for diagnostics and tests. */
export const HASH_IMPLEMENTATION: 'node:crypto' | '@noble/hashes' = '@noble/hashes';

/** SHA-256 of `data`: 32 bytes. */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** HMAC-SHA256 of `data` under `key` (RFC 2104): 32 bytes. */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(nobleSha256, key, data);
}
