import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64, base64nopad, base64url, base64urlnopad } from '@scure/base';
import { ConfigError } from '../errors';

/** The least key material accepted: 32 bytes (256 bits). */
export const MIN_KEY_BYTES = 32;

/**
 * One integrity key as a host supplies it:
 * - a string: hex when it matches `^([0-9a-fA-F]{2}){32,}$`, else base64 or base64url
 *   (padded or not); surrounding whitespace (a trailing newline from a file) is ignored;
 * - bytes;
 * - `{ secrets }`: secrets the host already has (session secret, app key…), from which a
 *   key is derived (see {@link deriveFromHostSecrets}).
 */
export type IntegrityKeyMaterial = string | Uint8Array | { secrets: readonly string[] };

const KEYGEN_HINT = 'Generate one with `npx hushlink keygen`.';
const HEX_KEY = /^([0-9a-fA-F]{2}){32,}$/;
const HEX_ONLY = /^[0-9a-fA-F]+$/;
const HOST_SECRETS_SALT = utf8ToBytes('hushlink/v1/host-secrets');
const HOST_SECRETS_INFO = utf8ToBytes('hushlink/v1/root');

/**
 * Turns key material into the root key bytes that the MAC and verifier keys derive from.
 * @throws {ConfigError} for missing, malformed or short (< 32 bytes) material; the message
 *   says how to generate a key and never echoes the material.
 */
export function rootKeyOf(material: IntegrityKeyMaterial): Uint8Array {
  if (material instanceof Uint8Array)
    return checkLength(Uint8Array.from(material), 'The integrity key');
  if (typeof material === 'string')
    return checkLength(decodeKeyString(material), 'The integrity key');
  if (material !== null && typeof material === 'object' && Array.isArray(material.secrets)) {
    return deriveFromHostSecrets(material.secrets);
  }
  throw new ConfigError(`An integrity key is required (32+ bytes, hex or base64). ${KEYGEN_HINT}`);
}

/**
 * Derives a root key from secrets the host already has, the way WordPress derives from its
 * salts: `HKDF-SHA256(ikm, salt = "hushlink/v1/host-secrets", info = "hushlink/v1/root", 32)`
 * where `ikm` is, for each secret in order, its UTF-8 length as 4 bytes big-endian followed
 * by its UTF-8 bytes. The order matters; changing any secret changes every key.
 * @throws {ConfigError} when the list is empty, holds an empty or non-string secret, or
 *   holds fewer than 32 bytes in total.
 */
export function deriveFromHostSecrets(secrets: readonly string[]): Uint8Array {
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length === 0)) {
    throw new ConfigError(
      `keys.secrets must be a non-empty list of non-empty strings. ${KEYGEN_HINT}`,
    );
  }
  const parts = secrets.map((s) => utf8ToBytes(s));
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  if (total < MIN_KEY_BYTES) {
    throw new ConfigError(
      `keys.secrets hold ${total} bytes; at least ${MIN_KEY_BYTES} are needed. ${KEYGEN_HINT}`,
    );
  }
  const ikm = concatBytes(...parts.flatMap((p) => [uint32be(p.length), p]));
  return hkdf(sha256, ikm, HOST_SECRETS_SALT, HOST_SECRETS_INFO, 32);
}

function decodeKeyString(text: string): Uint8Array {
  const trimmed = text.trim();
  if (trimmed === '') throw new ConfigError(`The integrity key is empty. ${KEYGEN_HINT}`);
  if (HEX_KEY.test(trimmed)) return hexToBytes(trimmed);
  if (HEX_ONLY.test(trimmed) && trimmed.length < 2 * MIN_KEY_BYTES) {
    // A truncated hex key would otherwise decode as (shorter, different) base64.
    throw new ConfigError(
      `The integrity key looks like hex but has ${trimmed.length} characters; at least 64 are needed. ${KEYGEN_HINT}`,
    );
  }
  for (const coder of [base64, base64nopad, base64url, base64urlnopad]) {
    try {
      return coder.decode(trimmed);
    } catch {
      // try the next alphabet
    }
  }
  throw new ConfigError(`The integrity key is neither hex nor base64. ${KEYGEN_HINT}`);
}

function checkLength(bytes: Uint8Array, what: string): Uint8Array {
  if (bytes.length < MIN_KEY_BYTES) {
    throw new ConfigError(
      `${what} has ${bytes.length} bytes; at least ${MIN_KEY_BYTES} are needed. ${KEYGEN_HINT}`,
    );
  }
  return bytes;
}

function uint32be(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}
