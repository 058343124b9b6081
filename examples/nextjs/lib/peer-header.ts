/**
 * Whether to believe the `x-hushlink-peer` header. Only `server.ts` sets it, from the
 * socket, after deleting any copy the client sent; it marks the process before Next loads.
 * Under plain `next start` nothing overwrites the header, so a client could send its own:
 * there it is ignored and every client is `unknown` (one shared rate-limit bucket, no IP in
 * the audit trail), which the library says once in the log.
 */
import { PEER_HEADER } from '@hushlink/core/http';

/** Set on `globalThis` by `server.ts`; a registered symbol, the same in every bundle. */
export const PEER_HEADER_FROM_SOCKET = Symbol.for('hushlink.nextjs.peer-header-from-socket');

/** Marks this process as served by a server that sets the header from the socket. */
export function markPeerHeaderFromSocket(): void {
  (globalThis as Record<symbol, unknown>)[PEER_HEADER_FROM_SOCKET] = true;
}

/** The header to read the peer from, or null when nothing in this process sets it. */
export function trustedPeerHeader(): string | null {
  return (globalThis as Record<symbol, unknown>)[PEER_HEADER_FROM_SOCKET] === true
    ? PEER_HEADER
    : null;
}
