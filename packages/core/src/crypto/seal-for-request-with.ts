/**
 * Sealing a request's answer with every random input injected: the ephemeral secret key,
 * the salt and the nonce.
 *
 * INTERNAL and test-only: not exported from `index.ts`. Reusing an ephemeral key or a
 * (salt, nonce) pair breaks the scheme; production code calls `sealForRequest`. The request
 * vectors (`scripts/generate-request-vectors.ts`, `request.test.ts`) use it.
 */
import { requestKey } from './request-keys';
import { sealWith } from './seal-with';
import { x25519PublicKey, x25519SharedSecret } from './x25519-shared-secret';

/** What a customer sends with `POST /api/requests/{id}/answer` (besides `requestProof`). */
export interface RequestAnswer {
  /** A version-1 envelope without passphrase, sealed under the derived `K`. */
  envelope: Uint8Array;
  /** `deriveKeyProof(K)`. */
  keyProof: Uint8Array;
  /** `epk`, the ephemeral public key; the creator needs it (with `sk`) to derive `K`. */
  ephemeralKey: Uint8Array;
}

/** Options of the request sealers. There is no passphrase: an answer never has one. */
export interface SealForRequestOptions {
  /** Plaintext cap in UTF-8 bytes; default 65,536. */
  maxPlaintextBytes?: number;
}

/** Everything random in an answer, injected. */
export interface SealForRequestInputs extends SealForRequestOptions {
  ephemeralSecretKey: Uint8Array;
  salt: Uint8Array;
  nonce: Uint8Array;
}

/**
 * Seals `plaintext` for the request public key `pk` with the given ephemeral secret key,
 * salt and nonce; also returns `K` for the vectors.
 * @throws {CryptoError} `invalid_key` (length, low-order `pk`), `plaintext_too_large`.
 */
export async function sealForRequestWith(
  plaintext: string,
  publicKey: Uint8Array,
  inputs: SealForRequestInputs,
): Promise<RequestAnswer & { key: Uint8Array }> {
  const { ephemeralSecretKey, salt, nonce } = inputs;
  const shared = x25519SharedSecret(ephemeralSecretKey, publicKey);
  const ephemeralKey = x25519PublicKey(ephemeralSecretKey);
  const key = requestKey(shared, ephemeralKey, publicKey);
  try {
    const sealed = await sealWith(plaintext, {
      key,
      salt,
      nonce,
      ...(inputs.maxPlaintextBytes === undefined
        ? {}
        : { maxPlaintextBytes: inputs.maxPlaintextBytes }),
    });
    return {
      envelope: sealed.envelope,
      keyProof: sealed.keyProof,
      ephemeralKey,
      key: sealed.key,
    };
  } finally {
    key.fill(0);
  }
}
