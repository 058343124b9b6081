/**
 * Fixed strings of request links (DESIGN.md §10), beside the envelope's own in `constants.ts`.
 */

const encodeAscii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** X25519 keys (secret, public, ephemeral) are 32 bytes. */
export const X25519_KEY_BYTES = 32;

/** HKDF info of `requestProof = HKDF-SHA256(pk, "", "hushlink/v1/request-proof", 32)`. */
export const INFO_REQUEST_PROOF = encodeAscii('hushlink/v1/request-proof');

/** HKDF info of the answer key `K = HKDF-SHA256(X25519(esk, pk), epk || pk, "hushlink/v1/request", 32)`. */
export const INFO_REQUEST = encodeAscii('hushlink/v1/request');
