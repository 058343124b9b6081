import {
  type WebhookTargetPolicy,
  WebhookTargetRefusedError,
  webhookTargetRefusal,
} from './target-policy';

/** One delivery attempt, signed and ready. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Give up on the attempt after this many ms (the whole exchange). */
  timeoutMs: number;
}

/**
 * Sends one webhook and resolves to the receiver's HTTP status (a redirect is a status
 * like any other: never followed). Rejects on a network failure or timeout, and with
 * `WebhookTargetRefusedError` for a target the policy refuses.
 */
export type WebhookSender = (request: WebhookRequest) => Promise<{ status: number }>;

/** Options of {@link createFetchWebhookSender}. */
export interface FetchWebhookSenderOptions extends WebhookTargetPolicy {
  /** Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

/**
 * A sender on `fetch`, for every runtime. It cannot see which address a host name resolves
 * to, so host names are refused unless `allowHostnames` (or `allowPrivate`) is set; IP
 * literals are checked. On Node, prefer `createNodeWebhookSender` from
 * `@hushlink/core/node`, which checks resolved addresses at connect time.
 */
export function createFetchWebhookSender(options: FetchWebhookSenderOptions = {}): WebhookSender {
  const doFetch = options.fetch ?? globalThis.fetch;
  return async (request) => {
    const url = new URL(request.url);
    const refusal = webhookTargetRefusal(url, options);
    if (refusal !== null) throw new WebhookTargetRefusedError(refusal);
    const response = await doFetch(url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    // The body is never read: only the status matters. Release the connection.
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status };
  };
}
