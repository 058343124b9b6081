import { base64 } from '@scure/base';
import { ConfigError } from '../errors';

/** Standard Webhooks secrets start with this prefix. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** Standard Webhooks bounds on the decoded secret. */
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;

/**
 * Decodes a `whsec_<base64>` signing secret into its key bytes.
 * @throws {ConfigError} when the prefix is missing, the base64 is malformed, or the key
 *   is not 24..64 bytes (the message says how to generate one).
 */
export function decodeWebhookSecret(secret: string): Uint8Array {
  const hint = 'Generate one with generateWebhookSecret() (whsec_ + base64 of 32 random bytes).';
  if (typeof secret !== 'string' || !secret.startsWith(WEBHOOK_SECRET_PREFIX)) {
    throw new ConfigError(`A webhook secret must look like whsec_<base64>. ${hint}`);
  }
  let key: Uint8Array;
  try {
    key = base64.decode(secret.slice(WEBHOOK_SECRET_PREFIX.length));
  } catch (cause) {
    throw new ConfigError(`A webhook secret is not valid base64 after whsec_. ${hint}`, { cause });
  }
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new ConfigError(
      `A webhook secret must hold ${MIN_SECRET_BYTES}..${MAX_SECRET_BYTES} bytes, got ${key.length}. ${hint}`,
    );
  }
  return key;
}

/**
 * A new random signing secret, `whsec_` + base64 of 32 bytes, for a host to give to both
 * its Hushlink configuration and its receiver.
 */
export function generateWebhookSecret(): string {
  return (
    WEBHOOK_SECRET_PREFIX + base64.encode(globalThis.crypto.getRandomValues(new Uint8Array(32)))
  );
}
