import { CryptoError } from '../errors';
import { encodeBase64url } from './base64url';
import { assertX25519Key } from './x25519-shared-secret';

/** Only the base64url alphabet: an id can then never change the link's path, query or fragment. */
const ID_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/**
 * The customer's link of a request: `${baseUrl}/r/${id}#${base64url(pk)}`. `pk` sits in the
 * fragment, which browsers never send to a server.
 * @param baseUrl - origin plus the handler's base path; trailing slashes are dropped.
 * @throws {CryptoError} `invalid_key` when `publicKey` is not 32 bytes; `invalid_base64url`
 *   when `id` is empty or not base64url.
 * @example
 * ```ts
 * buildRequestLink('https://example.com', id, publicKey); // 'https://example.com/r/<id>#<43 characters>'
 * ```
 */
export function buildRequestLink(baseUrl: string, id: string, publicKey: Uint8Array): string {
  assertX25519Key(publicKey, 'public key');
  return `${base(baseUrl)}/r/${checkedId(id)}#${encodeBase64url(publicKey)}`;
}

/**
 * The creator's private "read the answer" link: `${adminBase}/requests/${id}#${base64url(sk)}`,
 * where `adminBase` is the origin plus the host's admin path (default `/admin`). Whoever holds
 * it (and can see the request in the creator's history) can read the answer: treat it as a
 * password.
 * @throws {CryptoError} `invalid_key` when `secretKey` is not 32 bytes; `invalid_base64url`
 *   for a bad id.
 * @example
 * ```ts
 * buildRequestReadLink('https://example.com/admin', id, secretKey);
 * ```
 */
export function buildRequestReadLink(adminBase: string, id: string, secretKey: Uint8Array): string {
  assertX25519Key(secretKey, 'secret key');
  return `${base(adminBase)}/requests/${checkedId(id)}#${encodeBase64url(secretKey)}`;
}

function base(url: string): string {
  if (typeof url !== 'string') throw new TypeError('The base URL must be a string.');
  return url.replace(/\/+$/, '');
}

function checkedId(id: string): string {
  if (typeof id !== 'string' || !ID_CHARACTERS.test(id)) {
    throw new CryptoError('invalid_base64url', 'The request id must be non-empty base64url.');
  }
  return id;
}
