/**
 * The creator's side of a request link (DESIGN.md §10): an X25519 key pair `(sk, pk)` and
 * the proof the server stores a verifier of. `pk` goes only into the customer's link
 * fragment, `sk` stays with the creator, and the server sees only `requestProof`.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { KEY_BYTES } from './constants';
import { randomBytes } from './random-bytes';
import { INFO_REQUEST, INFO_REQUEST_PROOF, X25519_KEY_BYTES } from './request-constants';
import { assertX25519Key, x25519PublicKey, x25519SharedSecret } from './x25519-shared-secret';

const EMPTY = new Uint8Array(0);

/** A request's key pair and the proof of its public key. */
export interface RequestKeys {
  /** `sk`: keep it (IndexedDB, or the private read link `{adminPath}/requests/{id}#sk`). */
  secretKey: Uint8Array;
  /** `pk`: only in the customer's link fragment, `{basePath}/r/{id}#pk`. */
  publicKey: Uint8Array;
  /** What `POST /api/requests` takes: {@link deriveRequestProof} of `pk`. */
  requestProof: Uint8Array;
}

/**
 * Makes a fresh X25519 key pair for a request, and its `requestProof`.
 * @example
 * ```ts
 * const { secretKey, publicKey, requestProof } = createRequestKeys();
 * // POST /api/requests { requestProof: encodeBase64url(requestProof), ttlSeconds, label }
 * const link = buildRequestLink('https://example.com', id, publicKey);
 * ```
 */
export function createRequestKeys(): RequestKeys {
  const secretKey = randomBytes(X25519_KEY_BYTES);
  const publicKey = x25519PublicKey(secretKey);
  return { secretKey, publicKey, requestProof: deriveRequestProof(publicKey) };
}

/**
 * `requestProof = HKDF-SHA256(pk, salt = zero-length, info = "hushlink/v1/request-proof", 32)`.
 * Proves possession of the customer's link: sent with the request's `meta` and `answer`.
 * @throws {CryptoError} `invalid_key` when `publicKey` is not 32 bytes.
 * @example
 * ```ts
 * const requestProof = deriveRequestProof(decodeBase64url(location.hash.slice(1), 32));
 * ```
 */
export function deriveRequestProof(publicKey: Uint8Array): Uint8Array {
  assertX25519Key(publicKey, 'public key');
  return hkdf(sha256, publicKey, EMPTY, INFO_REQUEST_PROOF, KEY_BYTES);
}

/**
 * The public key `pk` of a request's secret key `sk` (X25519 base-point multiplication),
 * e.g. to rebuild the customer's link or its proof from the private read link.
 * @throws {CryptoError} `invalid_key` when `secretKey` is not 32 bytes.
 */
export function deriveRequestPublicKey(secretKey: Uint8Array): Uint8Array {
  return x25519PublicKey(secretKey);
}

/**
 * The answer's fragment key `K = HKDF-SHA256(X25519(sk, epk), salt = epk || pk, info =
 * "hushlink/v1/request", 32)` seen from the creator's side (`pk` is derived from `sk`). With
 * `K`, the answer secret is an ordinary secret: `deriveKeyProof(K)`, then meta, reveal and
 * `open(envelope, K)`.
 * @param secretKey - the request's `sk`.
 * @param ephemeralKey - the answer's `epk` (`ephemeralKey` of the request's history item).
 * @throws {CryptoError} `invalid_key` for a key that is not 32 bytes or a low-order `epk`.
 * @example
 * ```ts
 * const key = deriveRequestAnswerKey(sk, decodeBase64url(item.ephemeralKey, 32));
 * const keyProof = deriveKeyProof(key); // POST /api/secrets/{answerSecretId}/meta, /reveal
 * ```
 */
export function deriveRequestAnswerKey(
  secretKey: Uint8Array,
  ephemeralKey: Uint8Array,
): Uint8Array {
  const publicKey = x25519PublicKey(secretKey);
  return requestKey(x25519SharedSecret(secretKey, ephemeralKey), ephemeralKey, publicKey);
}

/**
 * `HKDF-SHA256(shared, salt = epk || pk, info = "hushlink/v1/request", 32)`; wipes `shared`.
 * Internal: both sides end here.
 */
export function requestKey(
  shared: Uint8Array,
  ephemeralKey: Uint8Array,
  publicKey: Uint8Array,
): Uint8Array {
  const salt = new Uint8Array(X25519_KEY_BYTES * 2);
  salt.set(ephemeralKey, 0);
  salt.set(publicKey, X25519_KEY_BYTES);
  try {
    return hkdf(sha256, shared, salt, INFO_REQUEST, KEY_BYTES);
  } finally {
    shared.fill(0);
  }
}

/**
 * Whether `publicKey` can receive an answer: 32 bytes and not a low-order point. What a
 * server checks of an answer's `ephemeralKey` (400 otherwise), and a page of a link's `pk`.
 * Never throws.
 */
export function isUsableRequestPublicKey(publicKey: unknown): boolean {
  try {
    assertX25519Key(publicKey, 'public key');
    // Any clamped scalar kills the cofactor part, so a fixed one tells low-order points apart.
    x25519SharedSecret(PROBE_SCALAR, publicKey).fill(0);
    return true;
  } catch {
    return false;
  }
}

/** A fixed, public scalar for {@link isUsableRequestPublicKey}: nothing secret rides on it. */
const PROBE_SCALAR = new Uint8Array(X25519_KEY_BYTES).fill(0x42);
