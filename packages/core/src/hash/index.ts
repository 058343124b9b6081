/**
 * SHA-256 and HMAC-SHA256 as core's hot path uses them. `#hash` (package.json `imports`)
 * resolves to `./node` (node:crypto) under the `node` condition and to `./portable`
 * (@noble/hashes) everywhere else, so nothing a browser loads imports a `node:` module.
 */
export { HASH_IMPLEMENTATION, hmacSha256, sha256 } from '#hash';
