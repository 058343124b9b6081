import { CryptoError } from '../errors';
import { encodeBase64url } from './base64url';
import { assertKey } from './key';

/** Only the base64url alphabet: an id can then never change the link's path, query or fragment. */
const ID_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/**
 * The link a recipient opens: `${baseUrl}/s/${id}#${base64url(key)}`. The key sits in the
 * fragment, which browsers never send to a server.
 * @param baseUrl - origin plus base path, e.g. `https://example.com/vault`; trailing
 *   slashes are dropped so the result never holds `//s/`.
 * @param id - the secret's id (base64url, as the server returns it).
 * @throws {CryptoError} `invalid_key` when `key` is not 32 bytes; `invalid_base64url`
 *   when `id` is empty or holds a character outside the base64url alphabet (it could
 *   otherwise smuggle `/`, `?` or `#` into the link).
 * @example
 * ```ts
 * buildLink('https://example.com', id, key); // 'https://example.com/s/<id>#<43 characters>'
 * ```
 */
export function buildLink(baseUrl: string, id: string, key: Uint8Array): string {
  assertKey(key);
  if (typeof id !== 'string' || !ID_CHARACTERS.test(id)) {
    throw new CryptoError('invalid_base64url', 'The secret id must be non-empty base64url.');
  }
  if (typeof baseUrl !== 'string') throw new TypeError('baseUrl must be a string');
  return `${baseUrl.replace(/\/+$/, '')}/s/${id}#${encodeBase64url(key)}`;
}
