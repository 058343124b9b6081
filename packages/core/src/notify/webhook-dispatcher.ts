import { ConfigError } from '../errors';
import type { OutboxMessage, OutboxStore, SecretStore } from '../store/types';
import { OUTBOX_METHODS } from './outbox-methods';
import { type ResolvedWebhook, resolveWebhooks } from './resolve-webhooks';
import { nextRetryAt } from './retry-schedule';
import { signedWebhookHeaders } from './sign-webhook';
import { WebhookTargetRefusedError } from './target-policy';
import type { WebhookEndpoint } from './types';
import { createFetchWebhookSender, type WebhookSender } from './webhook-sender';

/** Options of {@link startWebhookDispatcher}. */
export interface WebhookDispatcherOptions {
  /** The same store `createHushlink` writes to; it must implement the outbox. */
  store: SecretStore;
  /** The same endpoints given to `createHushlink` (matched by `id`, default the URL). */
  webhooks: readonly WebhookEndpoint[];
  /**
   * How to send. Default: `fetch`, refusing private targets and host names (it cannot check
   * what they resolve to). On Node use `createNodeWebhookSender()` from `@hushlink/core/node`.
   */
  send?: WebhookSender;
  /** Time between polls of the outbox in ms; null runs no timer (call `deliverDue()` yourself). Default 1000. */
  intervalMs?: number | null;
  /** Clock in epoch ms. Default `Date.now`. */
  now?: () => number;
  /** Messages claimed per round. Default 20. */
  batchSize?: number;
  /** Timeout of one attempt. Default 5000 ms. */
  timeoutMs?: number;
  /** How long a claim holds a message (must exceed `timeoutMs`). Default 60,000 ms. */
  leaseMs?: number;
  /** Delivered and failed messages are deleted this long after they finished. Default 7 days. */
  retentionMs?: number;
  /** Hears store failures (the dispatcher keeps going) and each failed attempt. */
  onError?: (error: unknown) => void;
}

/** What one `deliverDue()` did. */
export interface DeliveryReport {
  delivered: number;
  /** Failed attempts that will be retried. */
  retrying: number;
  /** Messages given up on (visible through `listFailedDeliveries`). */
  failed: number;
}

/** A message the dispatcher gave up on. */
export interface FailedDelivery {
  id: string;
  endpointId: string;
  /** The JSON body that was never acknowledged. */
  payload: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
}

/** A running dispatcher. */
export interface WebhookDispatcher {
  /** Claims the due messages and delivers them (until none is due or a round is short). */
  deliverDue(): Promise<DeliveryReport>;
  /** Deliveries given up on, most recent first (default limit 100). */
  listFailedDeliveries(limit?: number): Promise<FailedDelivery[]>;
  /** Stops polling; a round in progress finishes. Resolves when it has. */
  stop(): Promise<void>;
}

const MAX_ROUNDS_PER_CALL = 50;
const PURGE_EVERY_MS = 3_600_000;

/**
 * Delivers the outbox to the configured webhooks (DESIGN.md §11): at-least-once, signed
 * the Standard Webhooks way, 5 s timeout, redirects not followed, retries with
 * exponential backoff (5 s doubling) for up to 24 hours, then gives up and lists the
 * message in `listFailedDeliveries()`. All state lives in the store, so a restart — or
 * several dispatchers on one database — picks up where it left off; a message recorded
 * as delivered is never sent again. A crash between a receiver's 2xx and its record
 * resends once, with the same `webhook-id`, for the receiver to drop.
 * @throws {ConfigError} for a store without an outbox or a bad webhook configuration.
 * @example
 * ```ts
 * const dispatcher = startWebhookDispatcher({ store, webhooks, send: createNodeWebhookSender() });
 * process.on('SIGTERM', () => dispatcher.stop());
 * ```
 */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const store = outboxStoreOf(options.store);
  const endpoints = new Map(resolveWebhooks(options.webhooks).map((w) => [w.id, w]));
  const send = options.send ?? createFetchWebhookSender();
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 20;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const retentionMs = options.retentionMs ?? 7 * 86_400_000;
  if (!(leaseMs > timeoutMs)) throw new ConfigError('leaseMs must exceed timeoutMs.');
  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing logger must not stop deliveries.
    }
  };
  let lastPurge = Number.NEGATIVE_INFINITY;

  const attempt = async (message: OutboxMessage): Promise<keyof DeliveryReport> => {
    const endpoint = endpoints.get(message.endpointId);
    const outcome = endpoint
      ? await sendOnce(endpoint, message)
      : {
          ok: false as const,
          error: `no webhook with id ${message.endpointId} is configured`,
          final: true,
        };
    if (outcome.ok) {
      await store.markOutboxDelivered(message.id, now());
      return 'delivered';
    }
    const at = now();
    const retryAt = outcome.final ? null : nextRetryAt(message.createdAt, message.attempts, at);
    report(new Error(`hushlink webhook ${message.id} to ${message.endpointId}: ${outcome.error}`));
    await store.markOutboxFailed(message.id, message.attempts, at, outcome.error, retryAt);
    return retryAt === null ? 'failed' : 'retrying';
  };

  const sendOnce = async (endpoint: ResolvedWebhook, message: OutboxMessage) => {
    const headers = {
      ...signedWebhookHeaders(endpoint.key, message.id, Math.floor(now() / 1000), message.payload),
      'user-agent': 'hushlink-webhooks',
    };
    try {
      const { status } = await send({
        url: endpoint.url,
        headers,
        body: message.payload,
        timeoutMs,
      });
      if (status >= 200 && status < 300) return { ok: true as const };
      return { ok: false as const, error: `HTTP ${status}`, final: false };
    } catch (error) {
      const refused = error instanceof WebhookTargetRefusedError;
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { ok: false as const, error: text.slice(0, 500), final: refused };
    }
  };

  const deliverDue = async (): Promise<DeliveryReport> => {
    const totals: DeliveryReport = { delivered: 0, retrying: 0, failed: 0 };
    for (let round = 0; round < MAX_ROUNDS_PER_CALL; round++) {
      const claimed = await store.claimDueOutbox(now(), leaseMs, batchSize);
      const outcomes = await Promise.all(claimed.map(attempt));
      for (const outcome of outcomes) totals[outcome]++;
      if (claimed.length < batchSize) break;
    }
    if (now() - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = now();
      await store.purgeOutboxBefore(lastPurge - retentionMs);
    }
    return totals;
  };

  let running: Promise<unknown> | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    if (stopped) return;
    running = deliverDue()
      .catch(report)
      .finally(() => {
        running = null;
        schedule();
      });
  };
  const schedule = () => {
    if (stopped || options.intervalMs === null) return;
    timer = setTimeout(tick, options.intervalMs ?? 1_000);
    // Node: let the process exit while the dispatcher waits. Other runtimes have no unref.
    (timer as { unref?: () => void }).unref?.();
  };
  schedule();

  return {
    deliverDue,
    async listFailedDeliveries(limit = 100) {
      return (await store.listFailedOutbox(limit)).map((m) => ({
        id: m.id,
        endpointId: m.endpointId,
        payload: m.payload,
        attempts: m.attempts,
        lastError: m.lastError,
        createdAt: new Date(m.createdAt),
        failedAt: new Date(m.finishedAt ?? m.createdAt),
      }));
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * The store's outbox, or a configuration error naming what is missing.
 * @throws {ConfigError} when the store does not implement the outbox methods.
 */
export function outboxStoreOf(store: SecretStore): SecretStore & OutboxStore {
  const missing = OUTBOX_METHODS.filter((m) => typeof store?.[m] !== 'function');
  if (missing.length > 0) {
    throw new ConfigError(
      `Webhooks need a store with an outbox; this one lacks ${missing.join(', ')} (the memory, SQLite and Postgres stores have it).`,
    );
  }
  return store as SecretStore & OutboxStore;
}
