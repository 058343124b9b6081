/**
 * Next.js Proxy (formerly Middleware), for pages only: a per-request nonce CSP, and the
 * headers every Hushlink page carries (no-store, no referrer, not indexed, never framed,
 * nosniff). The API sets its own headers, so it is left out.
 */
import { pageHeaders } from '@hushlink/core/http';
import { type NextRequest, NextResponse } from 'next/server';
import { createNonce, pageCsp } from './lib/page-csp';

/** Adds the nonce CSP (to the request, for Next, and to the answer) and the page headers. */
export function proxy(request: NextRequest): NextResponse {
  const csp = pageCsp(createNonce(), process.env.NODE_ENV === 'development');
  // Next takes the nonce for its own scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(pageHeaders(csp))) {
    if (name !== 'content-type') response.headers.set(name, value);
  }
  return response;
}

/** Which paths the proxy runs on. */
export const config = {
  // Every page: not the API (the handler sets its own headers) nor Next's static files.
  matcher: ['/((?!api/|_next/static/|_next/image).*)'],
};
