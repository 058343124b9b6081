/**
 * The Node webhook sender: node:http(s) with a DNS `lookup` hook, so the SSRF policy is
 * applied to the addresses a host name resolves to at connect time — the addresses the
 * socket really uses, not a separate earlier lookup an attacker's DNS could answer
 * differently (DNS rebinding).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  isPublicAddress,
  type WebhookSender,
  WebhookTargetRefusedError,
  webhookTargetRefusal,
} from '../notify';

/** Options of {@link createNodeWebhookSender}. */
export interface NodeWebhookSenderOptions {
  /** Allow loopback, private, link-local and metadata targets (intranets, tests). Default false. */
  allowPrivate?: boolean;
  /** DNS lookup (default `dns.lookup`); tests inject one to play a rebinding resolver. */
  lookup?: typeof dnsLookup;
}

/**
 * Creates a sender for `startWebhookDispatcher` on node:http and node:https: refuses
 * non-public IP literals, and host names resolving to any non-public address, unless
 * `allowPrivate`; whole-exchange timeout; redirects are never followed (node:http does
 * not follow them); the response body is discarded.
 * @example
 * ```ts
 * startWebhookDispatcher({ store, webhooks, send: createNodeWebhookSender() });
 * ```
 */
export function createNodeWebhookSender(options: NodeWebhookSenderOptions = {}): WebhookSender {
  const allowPrivate = options.allowPrivate ?? false;
  const resolve = options.lookup ?? dnsLookup;
  const guardedLookup = ((hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        const reason = refused
          ? `${hostname} resolves to ${refused.address}, not a public address`
          : `${hostname} has no address`;
        return callback(new WebhookTargetRefusedError(reason), '', 0);
      }
      if (lookupOptions.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses as [LookupAddress];
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;

  return (webhook) =>
    new Promise((resolvePromise, reject) => {
      const url = new URL(webhook.url);
      // Host names are allowed here: their addresses are checked by `guardedLookup`.
      const refusal = webhookTargetRefusal(url, { allowPrivate, allowHostnames: true });
      if (refusal !== null) return reject(new WebhookTargetRefusedError(refusal));
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(url, {
        method: 'POST',
        headers: { ...webhook.headers, 'content-length': String(Buffer.byteLength(webhook.body)) },
        lookup: guardedLookup,
        // No pooled sockets: nothing outlives the attempt or keeps the process alive.
        agent: false,
      });
      const timer = setTimeout(() => {
        request.destroy(new Error(`timed out after ${webhook.timeoutMs} ms`));
      }, webhook.timeoutMs);
      request.on('response', (response) => {
        clearTimeout(timer);
        response.resume();
        resolvePromise({ status: response.statusCode ?? 0 });
      });
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(webhook.body);
    });
}
