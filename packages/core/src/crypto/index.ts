/**
 * `@hushlink/core/crypto`: the version-1 envelope (DESIGN.md §2). Browser-safe: no `node:`
 * imports, only `@noble/*`, `@scure/base` and Web platform APIs.
 *
 * The deterministic sealer used for test vectors (`seal-with.ts`) is deliberately not exported.
 */

export { CryptoError, type CryptoErrorCode } from '../errors';
export type { KdfParams } from '../store/types';
export { decodeBase64url, encodeBase64url, isBase64url } from './base64url';
export { DEFAULT_KDF, DEFAULT_MAX_PLAINTEXT_BYTES } from './constants';
export { deriveKeyProof, deriveProofs } from './derive-keys';
export { type EnvelopeHeader, parseHeader } from './header';
export { checkKdfParams } from './kdf-params';
export { buildLink } from './link';
export { open } from './open';
export { maxEnvelopeBytes } from './plaintext-limit';
export { generateKey } from './random-bytes';
export { seal } from './seal';
export type { SealOptions, SealResult } from './seal-with';
