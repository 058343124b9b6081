import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64 } from '@scure/base';

const encoder = new TextEncoder();

/**
 * The Standard Webhooks signature of one message: base64 of HMAC-SHA256(key,
 * `"{id}.{timestamp}.{body}"`), without the `v1,` prefix.
 * @param timestampSeconds - Unix seconds, as sent in `webhook-timestamp`.
 * @param body - the exact bytes (or UTF-8 text) sent as the body.
 */
export function webhookSignature(
  key: Uint8Array,
  id: string,
  timestampSeconds: number,
  body: string | Uint8Array,
): string {
  const prefix = encoder.encode(`${id}.${timestampSeconds}.`);
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const signed = new Uint8Array(prefix.length + bytes.length);
  signed.set(prefix, 0);
  signed.set(bytes, prefix.length);
  return base64.encode(hmac(sha256, key, signed));
}

/**
 * The headers of one webhook delivery: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64>`, plus the JSON content type.
 */
export function signedWebhookHeaders(
  key: Uint8Array,
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${webhookSignature(key, id, timestampSeconds, body)}`,
  };
}
