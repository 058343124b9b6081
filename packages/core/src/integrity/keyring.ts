import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { ConfigError } from '../errors';
import { type IntegrityKeyMaterial, rootKeyOf } from './key-material';

/**
 * How a host configures integrity keys: one key (see {@link IntegrityKeyMaterial}), or a
 * keyring for rotation where `current` MACs new records and `previous` keys still verify
 * the records they MACed.
 */
export type IntegrityKeyConfig =
  | IntegrityKeyMaterial
  | { current: IntegrityKeyMaterial; previous?: readonly IntegrityKeyMaterial[] };

/** The two keys derived from one root key, and its id. */
export interface IntegrityKey {
  /** base64url of the first 8 bytes of SHA-256(macKey): stored in each record it MACs. */
  readonly id: string;
  /** HKDF-SHA256(root, salt = empty, info = "hushlink/v1/mac", 32). */
  readonly macKey: Uint8Array;
  /** HKDF-SHA256(root, salt = empty, info = "hushlink/v1/verifier", 32). */
  readonly verifierKey: Uint8Array;
}

/** The keys a service knows: the current one, and every one it can verify with. */
export interface Keyring {
  readonly current: IntegrityKey;
  /** The key with this id, or undefined (an unknown id is an integrity failure). */
  get(keyId: string): IntegrityKey | undefined;
}

const EMPTY_SALT = new Uint8Array(0);
const INFO_MAC = utf8ToBytes('hushlink/v1/mac');
const INFO_VERIFIER = utf8ToBytes('hushlink/v1/verifier');

/**
 * Builds the keyring from a host's configuration.
 * @throws {ConfigError} for a missing, malformed or short key (the message says to run
 *   `npx hushlink keygen`).
 * @example
 * ```ts
 * const keyring = createKeyring(process.env.HUSHLINK_HMAC_KEY!);
 * const rotated = createKeyring({ current: newKey, previous: [oldKey] });
 * ```
 */
export function createKeyring(config: IntegrityKeyConfig): Keyring {
  const isRing = config !== null && typeof config === 'object' && 'current' in config;
  const current = deriveIntegrityKey(isRing ? config.current : config);
  const previous = isRing ? (config.previous ?? []) : [];
  if (!Array.isArray(previous)) throw new ConfigError('keys.previous must be a list of keys.');
  const byId = new Map<string, IntegrityKey>();
  for (const key of [current, ...previous.map(deriveIntegrityKey)]) {
    if (!byId.has(key.id)) byId.set(key.id, key);
  }
  return { current, get: (keyId) => byId.get(keyId) };
}

/**
 * Derives the MAC key, the verifier key and the key id from one key's material.
 * @throws {ConfigError} as {@link createKeyring}.
 */
export function deriveIntegrityKey(material: IntegrityKeyMaterial): IntegrityKey {
  const root = rootKeyOf(material);
  const macKey = hkdf(sha256, root, EMPTY_SALT, INFO_MAC, 32);
  const verifierKey = hkdf(sha256, root, EMPTY_SALT, INFO_VERIFIER, 32);
  root.fill(0);
  const id = base64urlnopad.encode(sha256(macKey).subarray(0, 8));
  return Object.freeze({ id, macKey, verifierKey });
}

/**
 * A new random integrity key: 32 bytes from the platform CSPRNG as 64 hex characters
 * (what `npx hushlink keygen` prints).
 */
export function generateIntegrityKey(): string {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}
