/**
 * Route handlers for frameworks that call `(request) => Response` per method and expose
 * no socket (Next.js App Router). The peer address then travels in a header that the
 * host's own server sets from the socket after deleting any incoming copy (DESIGN.md §7).
 */
import type { FetchHandler } from './handler-options';

/** The header the Next.js example's server sets from the socket. */
export const PEER_HEADER = 'x-hushlink-peer';

/** Options of `toRouteHandlers`. */
export interface RouteHandlersOptions {
  /**
   * Header carrying the socket's peer address, set by YOUR server after deleting any copy
   * the client sent (otherwise clients choose their own address). Default `x-hushlink-peer`;
   * null to ignore headers (every client is then `unknown`).
   */
  peerHeader?: string | null;
  /** Told once when a request arrives without the peer header. Default `console.warn`. */
  warn?: (message: string) => void;
}

/** One function per HTTP method, as Next.js route files export them. */
export interface RouteHandlers {
  GET: (request: Request) => Promise<Response>;
  HEAD: (request: Request) => Promise<Response>;
  POST: (request: Request) => Promise<Response>;
  DELETE: (request: Request) => Promise<Response>;
}

/**
 * Wraps the handler for a route file.
 *
 * @example
 * // app/api/[...hushlink]/route.ts (and app/s/[id]/route.ts for the page)
 * export const { GET, HEAD, POST, DELETE } = toRouteHandlers(handler);
 */
export function toRouteHandlers(
  handler: FetchHandler,
  options: RouteHandlersOptions = {},
): RouteHandlers {
  const peerHeader = options.peerHeader === undefined ? PEER_HEADER : options.peerHeader;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  let warned = false;
  const handle = (request: Request): Promise<Response> => {
    const peer = peerHeader === null ? null : request.headers.get(peerHeader);
    if (peer === null && !warned) {
      warned = true;
      warn(
        `hushlink: no ${peerHeader ?? 'peer'} header, so every client is "unknown" (one shared rate-limit bucket, no IP in the audit trail). Start the app through a server that sets it from the socket.`,
      );
    }
    return handler(request, { remoteAddress: peer });
  };
  return { GET: handle, HEAD: handle, POST: handle, DELETE: handle };
}
