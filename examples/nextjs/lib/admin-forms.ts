/**
 * What the sign-in and sign-out form posts share on Next.js: the client's address and the
 * 303 answer. The login-CSRF check is `isSameOriginPost` from `@hushlink/example-shared`.
 */
import { trustedPeerHeader } from './peer-header';

/** The client's address for the login throttle, as `server.ts` set it from the socket. */
export function peerOf(request: Request): string {
  const header = trustedPeerHeader();
  return (header === null ? null : request.headers.get(header)) ?? 'unknown';
}

/** A 303 to a path of this app, optionally setting a cookie. */
export function seeOther(location: string, cookie?: string): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  if (cookie !== undefined) headers.set('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}
