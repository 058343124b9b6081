/**
 * What the sign-in and sign-out form posts share: a login-CSRF check and the 303 answer.
 */
import { trustedPeerHeader } from './peer-header';

/**
 * Whether a form post comes from this site. Browsers say so in `Sec-Fetch-Site`; older
 * ones send `Origin`, which is "null" under the pages' no-referrer policy, so not decisive.
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none';
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') return true;
  return URL.canParse(origin) && new URL(origin).host === request.headers.get('host');
}

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
