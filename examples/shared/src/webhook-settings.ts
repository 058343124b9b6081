/**
 * The example apps' notifications (DESIGN.md §11): the webhook endpoints from
 * `HUSHLINK_WEBHOOK_URL` / `HUSHLINK_WEBHOOK_SECRET`, checked at startup, and the log line
 * a host could replace with an email.
 */
import {
  ConfigError,
  decodeWebhookSecret,
  type NotificationEvent,
  resolveWebhooks,
  type WebhookEndpoint,
} from '@hushlink/core';
import type { SharedConfig } from './shared-config';

/**
 * The configured endpoints: one per URL, all signed with the one secret.
 * @throws {ConfigError} naming the variable: URLs without a secret, a secret that is not
 *   `whsec_<base64>` of 24..64 bytes, or a URL that is not http(s).
 */
export function webhookEndpoints(
  config: Pick<SharedConfig, 'webhookUrls' | 'webhookSecret'>,
): WebhookEndpoint[] {
  if (config.webhookUrls.length === 0) return [];
  const secret = config.webhookSecret;
  if (secret === null) {
    throw new ConfigError(
      'HUSHLINK_WEBHOOK_URL is set but HUSHLINK_WEBHOOK_SECRET is not: set it to whsec_ ' +
        'followed by the base64 of 32 random bytes (`echo whsec_$(openssl rand -base64 32)`).',
    );
  }
  try {
    decodeWebhookSecret(secret);
  } catch (cause) {
    // The secret itself stays out of the message (it may end up in a log).
    throw new ConfigError(
      `HUSHLINK_WEBHOOK_SECRET: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const endpoints = config.webhookUrls.map((url) => ({ url, secret }));
  try {
    resolveWebhooks(endpoints);
  } catch (cause) {
    throw new ConfigError(
      `HUSHLINK_WEBHOOK_URL: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  return endpoints;
}

/**
 * The line the apps log for an event of a secret whose creator ticked "Notify me when
 * opened" (null for other events): `[hushlink] opened: Staging DB by 203.0.113.7`.
 * Replace the log with an email or a chat message to tell the creator directly.
 */
export function notificationLine(event: NotificationEvent): string | null {
  if (!event.notify || event.type === 'created') return null;
  const subject = 'secretId' in event ? event.secretId : event.requestId;
  const by = event.ip === null ? '' : ` by ${event.ip}`;
  // A label is the creator's free text: no line breaks or escapes into the log.
  const name = (event.label ?? subject).replace(/\p{Cc}/gu, ' ');
  return `[hushlink] ${event.type}: ${name}${by}`;
}
