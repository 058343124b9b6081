/**
 * Reading a secret link `{origin}{basePath}/s/{id}#{key}` back into its parts.
 */
import { decodeBase64url, isBase64url } from '../crypto';
import { usageError } from './cli-error';

/** The parts of a secret link. */
export interface SecretLink {
  /** Origin plus base path: where the API lives (`{baseUrl}/api/…`). */
  baseUrl: string;
  id: string;
  /** The 32-byte fragment key. Never sent anywhere. */
  key: Uint8Array;
}

/**
 * Parses a link.
 * @throws {CliError} (usage) when it is not a Hushlink secret link; the message never
 *   repeats the key.
 */
export function parseSecretLink(link: string): SecretLink {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    throw usageError('That is not a link.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError('The link must start with http:// or https://.');
  }
  const match = /^(.*)\/s\/([A-Za-z0-9_-]{22})$/.exec(url.pathname);
  if (match === null || !isBase64url(match[2] as string, 16)) {
    throw usageError('The link does not look like a Hushlink secret link (…/s/<id>#<key>).');
  }
  const fragment = url.hash.slice(1);
  if (!isBase64url(fragment, 32)) {
    throw usageError('The link lacks its key: copy it whole, including the part after "#".');
  }
  return {
    baseUrl: `${url.origin}${match[1]}`,
    id: match[2] as string,
    key: decodeBase64url(fragment, 32),
  };
}
