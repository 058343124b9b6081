/**
 * `@hushlink/core/crypto`: the version-1 envelope (DESIGN.md §2). Browser-safe: no `node:`
 * imports, only `@noble/*`, `@scure/base` and Web platform APIs.
 *
 * Request links (DESIGN.md §10) add X25519 (`@noble/curves`): `createRequestKeys`,
 * `sealForRequest`, `deriveRequestAnswerKey`, `openRequestAnswer` and their helpers.
 *
 * The deterministic sealers used for test vectors (`seal-with.ts`, `seal-for-request-with.ts`)
 * are deliberately not exported.
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
export { openRequestAnswer } from './open-request-answer';
export { maxEnvelopeBytes } from './plaintext-limit';
export { type PreparedOpen, prepareOpen } from './prepare-open';
export { generateKey } from './random-bytes';
export {
  createRequestKeys,
  deriveRequestAnswerKey,
  deriveRequestProof,
  deriveRequestPublicKey,
  isUsableRequestPublicKey,
  type RequestKeys,
} from './request-keys';
export { buildRequestLink, buildRequestReadLink } from './request-link';
export { seal } from './seal';
export { sealForRequest } from './seal-for-request';
export type { RequestAnswer, SealForRequestOptions } from './seal-for-request-with';
export type { SealOptions, SealResult } from './seal-with';
export { sealWithKey } from './seal-with-key';
