import { HushlinkError } from '../errors';
import { equalBytes } from '../integrity';
import { webhookSignature } from './sign-webhook';
import type { NotificationEvent } from './types';
import { decodeWebhookSecret } from './webhook-secret';

/** How far `webhook-timestamp` may be from the receiver's clock, either way: 5 minutes. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** Why a webhook was refused. */
export type WebhookVerificationReason =
  | 'missing_headers'
  | 'bad_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'bad_signature'
  | 'bad_body';

/** A webhook that must not be trusted: forged, altered, replayed late, or malformed. */
export class WebhookVerificationError extends HushlinkError {
  declare readonly code: 'webhook_verification_failed';
  readonly reason: WebhookVerificationReason;
  constructor(reason: WebhookVerificationReason, message: string) {
    super('webhook_verification_failed', message);
    this.name = 'WebhookVerificationError';
    this.reason = reason;
  }
}

/** Headers as a fetch `Headers` or a plain object (Node's `req.headers`, any case). */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The receiver's clock in epoch ms. Default `Date.now`. */
  now?: () => number;
}

/**
 * Verifies a Hushlink webhook (Standard Webhooks signing) and returns its parsed body.
 * Pass the body exactly as received (raw text or bytes), before any JSON parsing.
 * Receivers should also drop a `webhook-id` they have already handled: delivery is
 * at-least-once.
 * @throws {WebhookVerificationError} for missing headers, a timestamp more than 5 minutes
 *   from now either way, no matching `v1` signature, or a body that is not JSON.
 * @throws {ConfigError} for a malformed `secret`.
 * @example
 * ```ts
 * app.post('/hooks/hushlink', express.text({ type: '*\/*' }), (req, res) => {
 *   const event = verifyWebhook(process.env.HUSHLINK_WEBHOOK_SECRET!, req.headers, req.body);
 *   res.sendStatus(204);
 * });
 * ```
 */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): NotificationEvent {
  const key = decodeWebhookSecret(secret);
  const id = headerOf(headers, 'webhook-id');
  const timestamp = headerOf(headers, 'webhook-timestamp');
  const signatures = headerOf(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError('missing_headers', 'Missing webhook-* headers.');
  }
  if (!/^[0-9]{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError('bad_timestamp', 'webhook-timestamp is not Unix seconds.');
  }
  const seconds = Number(timestamp);
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  if (seconds < nowSeconds - WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError('timestamp_too_old', 'The webhook timestamp is too old.');
  }
  if (seconds > nowSeconds + WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      'The webhook timestamp is in the future.',
    );
  }
  const expected = new TextEncoder().encode(webhookSignature(key, id, seconds, body));
  const matches = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    return (
      version === 'v1' &&
      signature !== undefined &&
      equalBytes(new TextEncoder().encode(signature), expected)
    );
  });
  if (!matches) {
    throw new WebhookVerificationError('bad_signature', 'No webhook signature matches.');
  }
  try {
    const text =
      typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
    return JSON.parse(text) as NotificationEvent;
  } catch {
    throw new WebhookVerificationError('bad_body', 'The webhook body is not JSON.');
  }
}

function headerOf(headers: WebhookHeaders, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name);
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.join(' ');
  }
  return null;
}
