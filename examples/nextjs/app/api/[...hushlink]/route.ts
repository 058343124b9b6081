/**
 * Hushlink's JSON API (`/api/secrets…`), answered by the core handler. The only glue is
 * the client address: `toRouteHandlers` reads it from the `x-hushlink-peer` header that
 * `server.ts` sets from the socket (and ignores it under plain `next start`).
 */
import { toRouteHandlers } from '@hushlink/core/http';
import { hushlinkHandler } from '../../../lib/hushlink-app';
import { trustedPeerHeader } from '../../../lib/peer-header';

// The stores use better-sqlite3 / pg: Node only, never prerendered.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handlers = toRouteHandlers(hushlinkHandler, { peerHeader: trustedPeerHeader() });
export const { GET, HEAD, POST, DELETE } = handlers;
// Other methods reach the handler too, so they get its JSON 405 with `Allow`.
export const PUT = handlers.POST;
export const PATCH = handlers.POST;
export const OPTIONS = handlers.GET;
