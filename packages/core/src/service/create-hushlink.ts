import { outboxStoreOf, resolveWebhooks, withNotifications } from '../notify';
import { answerRequest, readRequestMeta } from './answer-request';
import { burnRequest } from './burn-request';
import { burnSecret } from './burn-secret';
import type { ServiceContext } from './context';
import { createGroup } from './create-group';
import { createRequest, registerRequest } from './create-request';
import { createSecret } from './create-secret';
import { guardStore } from './guard-store';
import { listEvents, listHistory } from './list-history';
import { listRequestEvents, listRequests } from './list-requests';
import { type HushlinkOptions, resolveOptions } from './options';
import { readMeta } from './read-meta';
import { readRequestAnswer } from './read-request-answer';
import { revealSecret } from './reveal-secret';
import { shareText } from './share-text';
import { sweep } from './sweep';
import type { Hushlink } from './types';

export type { HushlinkOptions } from './options';

/**
 * Creates the service: every rule of the lifecycle, integrity and audit trail over the
 * store you give it. The HTTP handler calls it; a host can too (e.g. `shareText` from a job).
 * @throws {ConfigError} for a missing or weak integrity key, an option out of range, or
 *   `webhooks` that are malformed or over a store without an outbox.
 * @example
 * ```ts
 * const hushlink = createHushlink({ store: createMemoryStore(), keys: process.env.HUSHLINK_HMAC_KEY! });
 * const { link } = await hushlink.shareText(
 *   { plaintext: 'hunter2', createdBy: 'user-1', baseUrl: 'https://app.example.com' },
 *   { ip: null, userAgent: null },
 * );
 * ```
 */
export function createHushlink(options: HushlinkOptions): Hushlink {
  const resolved = resolveOptions(options);
  const webhooks = resolveWebhooks(options.webhooks);
  if (webhooks.length > 0) outboxStoreOf(resolved.store);
  // Outbox messages and onEvent ride on the store's own writes (one transaction each).
  const notified = withNotifications(resolved.store, {
    ...resolved,
    webhooks,
    onEvent: options.onEvent,
  });
  const ctx: ServiceContext = { ...resolved, store: guardStore(notified) };
  return {
    createSecret: (input, client) => createSecret(ctx, input, client),
    createGroup: (input, client) => createGroup(ctx, input, client),
    shareText: (input, client) => shareText(ctx, input, client),
    meta: (id, keyProof, viewerId, client) => readMeta(ctx, id, keyProof, viewerId, client),
    reveal: (id, input, client) => revealSecret(ctx, id, input, client),
    burn: (id, createdBy, client) => burnSecret(ctx, id, createdBy, client),
    history: (createdBy, historyOptions) => listHistory(ctx, createdBy, historyOptions),
    events: (id, createdBy) => listEvents(ctx, id, createdBy),
    sweep: () => sweep(ctx),
    registerRequest: (input, client) => registerRequest(ctx, input, client),
    createRequest: (input, client) => createRequest(ctx, input, client),
    requestMeta: (id, requestProof, client) => readRequestMeta(ctx, id, requestProof, client),
    answerRequest: (id, input, client) => answerRequest(ctx, id, input, client),
    burnRequest: (id, createdBy, client) => burnRequest(ctx, id, createdBy, client),
    requests: (createdBy, listOptions) => listRequests(ctx, createdBy, listOptions),
    requestEvents: (id, createdBy) => listRequestEvents(ctx, id, createdBy),
    readRequestAnswer: (id, secretKey, createdBy, client) =>
      readRequestAnswer(ctx, id, secretKey, createdBy, client),
  };
}
