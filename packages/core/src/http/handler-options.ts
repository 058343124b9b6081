/**
 * The options and types of the fetch-standard handler (DESIGN.md §7).
 */
import type { ClientIpOptions } from '../net';
import type { RateLimitBudget, RateLimitPolicy } from '../ratelimit';
import type { Hushlink } from '../service/types';
import type { RateLimitStore } from '../store/types';
import type { Authorize } from './call-authorize';
import type { Asset, RenderPage } from './page';

/** Options of `createHandler`. */
export interface HandlerOptions {
  /** The service (`createHushlink(…)`). */
  hushlink: Hushlink;
  /**
   * The host's authentication: `{ userId }` for a signed-in creator, null otherwise.
   * Throw `ForbiddenError` to answer 403 on creator routes; any other throw answers
   * 503 `unavailable` there (and `createdByYou: false` on recipient routes).
   */
  authorize: Authorize;
  /** Where the handler is mounted, e.g. `/hushlink`; default `''` (the root). */
  basePath?: string;
  /** Proxies whose forwarded headers are believed (DESIGN.md §6). Default: none. */
  trustedProxies?: ClientIpOptions['trustedProxies'];
  /** Read `CF-Connecting-IP` from trusted peers. Default false. */
  cloudflareConnectingIp?: boolean;
  /** Rate-limit store (default: in memory, one process) and budget overrides. */
  rateLimits?: {
    store?: RateLimitStore;
    budgets?: Partial<Record<RateLimitBudget, RateLimitPolicy>>;
  };
  /** Must equal the service's `maxPlaintextBytes` (default 65536): it sizes the body cap. */
  maxPlaintextBytes?: number;
  /** Renders `GET {basePath}/s/{id}`. Default: a minimal page without script. */
  renderPage?: RenderPage;
  /**
   * Renders `GET {basePath}/r/{id}`, the customer's page of a request link (DESIGN.md §10),
   * e.g. reveal-ui's `renderRequestPage`. Answered 200 for any id, with the page headers.
   * Default: a minimal page without script.
   */
  renderRequestPage?: RenderPage;
  /** The page's Content-Security-Policy. Default `DEFAULT_PAGE_CSP` (no inline script). */
  pageContentSecurityPolicy?: string;
  /** Files served under `{basePath}/assets/{name}`; unknown names answer 404. */
  assets?: Readonly<Record<string, Asset>>;
  /** Clock for rate limiting (epoch ms). Default `Date.now`. */
  now?: () => number;
  /** `Retry-After` seconds of 503 answers. Default 5. */
  unavailableRetryAfterSeconds?: number;
  /**
   * Hears of every failure answered 503 (store down, a throwing `authorize`, a bug), so
   * the host can log it. Errors carry no secret material. Its own throws are ignored.
   */
  onError?: (error: unknown) => void;
}

/** Per-request facts only the server adapter knows. */
export interface HandlerContext {
  /** The socket's peer address (`req.socket.remoteAddress` on Node). Missing → client `unknown`. */
  remoteAddress?: string | null;
}

/** A fetch-standard handler: Node (via `toNodeHandler`), Next.js, Bun, Deno, Workers. */
export type FetchHandler = (request: Request, context?: HandlerContext) => Promise<Response>;

/** The handler `createHandler` returns, with what server adapters need to know about it. */
export interface HushlinkHandler extends FetchHandler {
  /** The normalised base path (`''` or `/something`). */
  readonly basePath: string;
  /** The request-body cap in bytes: `4·⌈maxEnvelope/3⌉ + 4 KiB`. */
  readonly maxBodyBytes: number;
  /** Whether a path is the handler's (`{basePath}/api/`, `/s/`, `/r/`, `/assets/`). */
  owns(pathname: string): boolean;
  /**
   * The answer for a method no `Request` can carry (`TRACE`, `CONNECT`): 404 for a path
   * the route table does not list, else 405 with `Allow`. For adapters; never throws.
   */
  refuseMethod(pathname: string): Response;
}
