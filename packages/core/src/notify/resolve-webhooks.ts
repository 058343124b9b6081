import { ConfigError } from '../errors';
import type { AuditEventType } from '../store/types';
import { parseWebhookUrl } from './target-policy';
import type { WebhookEndpoint } from './types';
import { decodeWebhookSecret } from './webhook-secret';

/** Every event type a webhook can receive (DESIGN.md §5, §10). */
export const WEBHOOK_EVENT_TYPES: readonly AuditEventType[] = [
  'created',
  'opened',
  'revealed',
  'passphrase_failed',
  'burned',
  'expired',
  'integrity_failed',
  'request_created',
  'answered',
];

/** A configured endpoint, checked, with its key decoded and its filter as a set. */
export interface ResolvedWebhook {
  id: string;
  url: string;
  key: Uint8Array;
  events: ReadonlySet<AuditEventType>;
}

/**
 * Checks the host's webhook configuration once, at startup.
 * @throws {ConfigError} for a URL that is not http(s), a malformed secret, an unknown
 *   event type, or two endpoints with the same id.
 */
export function resolveWebhooks(
  webhooks: readonly WebhookEndpoint[] | undefined,
): ResolvedWebhook[] {
  if (webhooks === undefined) return [];
  if (!Array.isArray(webhooks)) throw new ConfigError('options.webhooks must be an array.');
  const ids = new Set<string>();
  return webhooks.map((endpoint, index) => {
    if (!endpoint || typeof endpoint !== 'object') {
      throw new ConfigError(`options.webhooks[${index}] must be { url, secret, events? }.`);
    }
    const url = parseWebhookUrl(endpoint.url).href;
    const id = endpoint.id ?? url;
    if (typeof id !== 'string' || id === '' || ids.has(id)) {
      throw new ConfigError(
        `options.webhooks[${index}] needs a unique id (two endpoints share ${JSON.stringify(id)}).`,
      );
    }
    ids.add(id);
    const events = endpoint.events ?? WEBHOOK_EVENT_TYPES;
    for (const type of events) {
      if (!WEBHOOK_EVENT_TYPES.includes(type)) {
        throw new ConfigError(
          `options.webhooks[${index}].events: unknown event type ${JSON.stringify(type)}.`,
        );
      }
    }
    return { id, url, key: decodeWebhookSecret(endpoint.secret), events: new Set(events) };
  });
}
