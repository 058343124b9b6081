/**
 * `toNodeHandler`: runs the fetch-standard handler on node:http and Express 5.
 *
 * Paths the handler does not own go to Express's `next()` (or `options.next`, or a 404),
 * so a host mounted at the root keeps its own routes. The socket's peer address becomes
 * `remoteAddress`, and the Request's signal aborts when the client disconnects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FetchHandler, HushlinkHandler } from '../http';
import { errorResponse } from '../http/responses';
import {
  bodyFromNode,
  headersFromNode,
  type MaybeExpressRequest,
  requestUrl,
} from './request-from-node';
import { writeNodeResponse } from './write-node-response';

/** Options of `toNodeHandler`. */
export interface NodeHandlerOptions {
  /**
   * Called for paths the handler does not own when no Express `next` is given (plain
   * node:http). Default: answer 404 `not_available`.
   */
  next?: (req: IncomingMessage, res: ServerResponse) => void;
}

/** A node:http listener that is also an Express 5 middleware. */
export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

/** Headers that describe the original bytes, wrong once Express has parsed and we re-serialise. */
const STALE_AFTER_PARSE = new Set(['content-length', 'content-encoding', 'transfer-encoding']);
const NOTHING_TO_DROP = new Set<string>();

/**
 * Adapts a handler to `(req, res, next?)`.
 *
 * @example
 * http.createServer(toNodeHandler(handler)).listen(3000);
 * app.use(toNodeHandler(handler)); // Express 5; mount at the root, set basePath on the handler
 */
export function toNodeHandler(
  handler: FetchHandler | HushlinkHandler,
  options: NodeHandlerOptions = {},
): NodeListener {
  const owns = 'owns' in handler ? handler.owns : null;
  return async (req, res, next) => {
    const request = req as MaybeExpressRequest;
    const url = requestUrl(request);
    if (owns !== null && !owns(url.pathname)) {
      if (next !== undefined) next();
      else if (options.next !== undefined) options.next(req, res);
      else await writeNodeResponse(errorResponse('not_available'), req, res);
      return;
    }

    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });

    let response: Response;
    const { body, parsed, release } = bodyFromNode(request);
    try {
      let fetchRequest: Request;
      try {
        fetchRequest = new Request(url, {
          method: req.method ?? 'GET',
          headers: headersFromNode(req, parsed ? STALE_AFTER_PARSE : NOTHING_TO_DROP),
          body,
          signal: abort.signal,
          // Required by Node's fetch for a streamed body.
          duplex: 'half',
        } as RequestInit);
      } catch {
        // Only methods no Request may carry (TRACE, CONNECT) or unusable values land here.
        response =
          'refuseMethod' in handler
            ? handler.refuseMethod(url.pathname)
            : errorResponse('method_not_allowed');
        await writeNodeResponse(response, req, res);
        release();
        return;
      }
      response = await handler(fetchRequest, { remoteAddress: req.socket.remoteAddress ?? null });
    } catch {
      // The handler from createHandler never throws; a host's own wrapper might.
      response = errorResponse('unavailable', { headers: { 'retry-after': '5' } });
    }
    await writeNodeResponse(response, req, res);
    release();
  };
}
