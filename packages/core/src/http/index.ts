/**
 * `@hushlink/core/http`: the fetch-standard HTTP handler (DESIGN.md §7). Runtime-neutral:
 * Node (through `@hushlink/core/node`), Next.js route handlers, Bun, Deno, Workers.
 */
export type { Authorize, Caller } from './call-authorize';
export { FIELD_BOUNDS } from './check-fields';
export { createHandler } from './create-handler';
export type {
  FetchHandler,
  HandlerContext,
  HandlerOptions,
  HushlinkHandler,
} from './handler-options';
export type { Asset, PageContext, RenderPage } from './page';
export {
  DEFAULT_PAGE_CSP,
  pageHeaders,
  renderMinimalPage,
  renderMinimalRequestPage,
} from './page';
export {
  PEER_HEADER,
  type RouteHandlers,
  type RouteHandlersOptions,
  toRouteHandlers,
} from './route-handlers';
