/**
 * The pages' Content-Security-Policy on Next.js (DESIGN.md §7). Next's pages need inline
 * bootstrap scripts, so instead of the handler's "no inline script" policy they get a
 * fresh nonce per request with 'strict-dynamic': only scripts carrying the nonce run, and
 * the chunks they load. Next reads the nonce from the request's CSP header and puts it on
 * its own scripts.
 */

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one page answer.
 * @param dev - `next dev` needs `eval` (React's debugging), a WebSocket (hot reload) and
 *   inline styles (its error overlay); a nonce would disable 'unsafe-inline', so none there.
 */
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
