/**
 * `createHandler`: the fetch-standard HTTP handler of DESIGN.md §7.
 *
 * Every request walks the same checks, and the first that fails answers:
 * unknown route 404 → method 405 → rate limit 429 → authentication 401 (creator routes)
 * → media type 415 → size 413 → body 400 → the record (the service decides).
 * Nothing is read from the store before the rate-limit step, and every answer after it
 * carries the rate-limit headers. No input produces a 500: unexpected failures answer 503.
 */
import { maxEnvelopeBytes } from '../crypto';
import { ConfigError, NotAvailableError } from '../errors';
import { createClientIpResolver } from '../net';
import { createMemoryRateLimitStore, createRateLimiter } from '../ratelimit';
import { MAX_GROUP_RECIPIENTS } from '../service/create-group';
import type { ClientInfo } from '../service/types';
import { answerError, classifyError } from './answer-error';
import { authorizeCreator, viewerOf } from './call-authorize';
import {
  checkCreateBody,
  checkHistoryQuery,
  checkMetaBody,
  checkRevealBody,
  isSecretId,
} from './check-fields';
import { checkGroupBody } from './check-group-body';
import {
  checkAnswerBody,
  checkRequestCreateBody,
  checkRequestMetaBody,
} from './check-request-body';
import type { HandlerContext, HandlerOptions, HushlinkHandler } from './handler-options';
import {
  allowHeader,
  matchRoute,
  normaliseBasePath,
  ownsPath,
  ROUTE_RULES,
  type RouteName,
  routeForMethod,
} from './match-route';
import {
  answerAsset,
  answerPage,
  DEFAULT_PAGE_CSP,
  renderMinimalPage,
  renderMinimalRequestPage,
} from './page';
import { isJsonMediaType, parseJsonObject, readBodyWithCap } from './read-json-body';
import { emptyResponse, errorResponse, jsonResponse } from './responses';
import {
  eventsToJson,
  historyToJson,
  metaToJson,
  requestMetaToJson,
  requestsToJson,
  revealedToJson,
} from './to-json';

/** User agents are audit detail, not payload: longer ones are cut. */
const MAX_USER_AGENT_LENGTH = 512;

/**
 * Creates the handler. Configuration is checked here, once.
 *
 * @example
 * const handler = createHandler({ hushlink, basePath: '/hushlink', authorize: async (req) => session(req) });
 * // Bun.serve({ fetch: (req, server) => handler(req, { remoteAddress: server.requestIP(req)?.address }) })
 * @throws {ConfigError} for a missing `hushlink` or `authorize`, or an invalid
 *   `trustedProxies` entry (naming it).
 * @throws {TypeError} for a malformed `basePath`.
 */
export function createHandler(options: HandlerOptions): HushlinkHandler {
  if (typeof options?.hushlink?.reveal !== 'function') {
    throw new ConfigError('createHandler needs `hushlink` (from createHushlink).');
  }
  if (typeof options.authorize !== 'function') {
    throw new ConfigError('createHandler needs `authorize(request) => { userId } | null`.');
  }
  const basePath = normaliseBasePath(options.basePath);
  const resolveClientIp = createClientIpResolver({
    trustedProxies: options.trustedProxies,
    cloudflareConnectingIp: options.cloudflareConnectingIp ?? false,
  });
  const limiter = createRateLimiter({
    store: options.rateLimits?.store ?? createMemoryRateLimitStore(),
    budgets: options.rateLimits?.budgets ?? {},
  });
  const maxBodyBytes = 4 * Math.ceil(maxEnvelopeBytes(options.maxPlaintextBytes) / 3) + 4096;
  // §7: n·(4·⌈maxEnvelope/3⌉ + 4 KiB), n = 20 for POST /api/groups.
  const groupBodyBytes = MAX_GROUP_RECIPIENTS * maxBodyBytes;
  const now = options.now ?? Date.now;
  const retryAfter = options.unavailableRetryAfterSeconds ?? 5;
  const renderPage = options.renderPage ?? renderMinimalPage;
  const renderRequestPage = options.renderRequestPage ?? renderMinimalRequestPage;
  const pageCsp = options.pageContentSecurityPolicy ?? DEFAULT_PAGE_CSP;

  const report = (error: unknown): void => {
    try {
      options.onError?.(error);
    } catch {
      // A failing logger must not turn an answer into a crash.
    }
  };

  /** One request, once its route is known; `headers` collects the rate-limit headers. */
  async function runRoute(
    route: RouteName,
    param: string | null,
    request: Request,
    url: URL,
    context: HandlerContext,
    headers: Record<string, string>,
  ): Promise<Response> {
    const head = request.method === 'HEAD';
    const rules = ROUTE_RULES[route];
    const ip = resolveClientIp(context.remoteAddress ?? null, request.headers);

    if (rules.budget !== null) {
      const decision = await limiter.check(rules.budget, ip, now());
      for (const [name, value] of Object.entries(decision.headers)) {
        headers[name.toLowerCase()] = value;
      }
      if (!decision.allowed) {
        if (decision.retryAfterSeconds !== null) {
          headers['retry-after'] ??= String(decision.retryAfterSeconds);
        }
        return errorResponse('rate_limited', { headers, head });
      }
    }

    let userId = '';
    if (rules.creator) {
      const auth = await authorizeCreator(options.authorize, request);
      if (!auth.ok && auth.code === 'unavailable') throw auth.error;
      if (!auth.ok) return errorResponse(auth.code, { headers, head });
      userId = auth.userId;
    }

    let body: Record<string, unknown> | null = null;
    if (rules.jsonBody) {
      if (!isJsonMediaType(request.headers.get('content-type'))) {
        return errorResponse('unsupported_media_type', { headers });
      }
      const cap = route === 'createGroup' ? groupBodyBytes : maxBodyBytes;
      const read = await readBodyWithCap(request, cap);
      if (!read.ok && read.reason === 'too_large') {
        return errorResponse('payload_too_large', { headers });
      }
      if (!read.ok) {
        return errorResponse('invalid_request', {
          message: 'The body could not be read.',
          headers,
        });
      }
      body = parseJsonObject(read.bytes);
    }

    const userAgent = request.headers.get('user-agent');
    const client: ClientInfo = {
      ip,
      userAgent: userAgent === null ? null : userAgent.slice(0, MAX_USER_AGENT_LENGTH),
    };
    const { hushlink } = options;
    const json = (status: number, value: unknown) => jsonResponse(value, { status, headers, head });

    switch (route) {
      case 'createSecret': {
        const fields = checkCreateBody(body);
        const created = await hushlink.createSecret({ ...fields, createdBy: userId }, client);
        return json(201, {
          id: created.id,
          path: `${basePath}/s/${created.id}`,
          expiresAt: created.expiresAt.toISOString(),
        });
      }
      case 'createGroup': {
        const fields = checkGroupBody(body);
        const group = await hushlink.createGroup({ ...fields, createdBy: userId }, client);
        return json(201, {
          groupId: group.groupId,
          items: group.items.map((item) => ({
            id: item.id,
            path: `${basePath}/s/${item.id}`,
            expiresAt: item.expiresAt.toISOString(),
            label: item.label,
          })),
        });
      }
      case 'listSecrets':
        return json(
          200,
          historyToJson(await hushlink.history(userId, checkHistoryQuery(url.searchParams))),
        );
      case 'listEvents':
        return json(200, eventsToJson(await hushlink.events(secretId(param), userId)));
      case 'burnSecret':
        await hushlink.burn(secretId(param), userId, client);
        return emptyResponse(204, headers);
      case 'secretMeta': {
        const keyProof = checkMetaBody(body);
        const id = secretId(param);
        const viewerId = await viewerOf(options.authorize, request);
        return json(200, metaToJson(await hushlink.meta(id, keyProof, viewerId, client)));
      }
      case 'revealSecret': {
        const input = checkRevealBody(body);
        return json(200, revealedToJson(await hushlink.reveal(secretId(param), input, client)));
      }
      case 'page':
        return answerPage(
          renderPage,
          { id: param ?? '', basePath, request },
          { csp: pageCsp, head },
        );
      case 'createRequest': {
        const fields = checkRequestCreateBody(body);
        const created = await hushlink.registerRequest({ ...fields, createdBy: userId }, client);
        return json(201, {
          id: created.id,
          path: `${basePath}/r/${created.id}`,
          expiresAt: created.expiresAt.toISOString(),
        });
      }
      case 'listRequests':
        return json(
          200,
          requestsToJson(await hushlink.requests(userId, checkHistoryQuery(url.searchParams))),
        );
      case 'listRequestEvents':
        return json(200, eventsToJson(await hushlink.requestEvents(secretId(param), userId)));
      case 'burnRequest':
        await hushlink.burnRequest(secretId(param), userId, client);
        return emptyResponse(204, headers);
      case 'requestMeta': {
        const requestProof = checkRequestMetaBody(body);
        return json(
          200,
          requestMetaToJson(await hushlink.requestMeta(secretId(param), requestProof, client)),
        );
      }
      case 'answerRequest': {
        const input = checkAnswerBody(body);
        await hushlink.answerRequest(secretId(param), input, client);
        return json(201, {});
      }
      case 'requestPage':
        return answerPage(
          renderRequestPage,
          { id: param ?? '', basePath, request },
          { csp: pageCsp, head },
        );
      case 'asset':
        return (
          answerAsset(options.assets, param ?? '', head) ?? errorResponse('not_available', { head })
        );
    }
  }

  const handler = async (request: Request, context: HandlerContext = {}): Promise<Response> => {
    const head = request.method === 'HEAD';
    const headers: Record<string, string> = {};
    try {
      const url = new URL(request.url);
      const match = matchRoute(url.pathname, basePath);
      if (!match.owned || match.resource === null) return errorResponse('not_available', { head });
      const route = routeForMethod(match.resource, request.method);
      if (route === null) {
        return errorResponse('method_not_allowed', {
          headers: { allow: allowHeader(match.resource) },
          head,
        });
      }
      return await runRoute(route, match.resource.param, request, url, context, headers);
    } catch (error) {
      if (classifyError(error, retryAfter).code === 'unavailable') report(error);
      return answerError(error, { headers, head, unavailableRetryAfterSeconds: retryAfter });
    }
  };

  return Object.assign(handler, {
    basePath,
    maxBodyBytes,
    owns: (pathname: string) => ownsPath(pathname, basePath),
    refuseMethod: (pathname: string) => {
      const match = matchRoute(pathname, basePath);
      return match.owned && match.resource !== null
        ? errorResponse('method_not_allowed', { headers: { allow: allowHeader(match.resource) } })
        : errorResponse('not_available');
    },
  });
}

/** A path's `{id}` if it has the shape of an id; anything else is simply not available. */
function secretId(param: string | null): string {
  if (param === null || !isSecretId(param)) throw new NotAvailableError();
  return param;
}
