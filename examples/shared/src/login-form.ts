/**
 * What both apps' sign-in and sign-out forms share: the login-CSRF check and the
 * messages the sign-in page shows.
 */

/** The sign-in page's error lines, by the reason a sign-in failed. */
export const LOGIN_ERRORS = {
  wrong: 'Wrong user or password.',
  throttled: 'Too many failed sign-ins. Wait 15 minutes.',
  'cross-site': 'Cross-site sign-in refused.',
} as const;

/** Why a sign-in failed: a key of {@link LOGIN_ERRORS}. */
export type LoginError = keyof typeof LOGIN_ERRORS;

/**
 * Whether a form post comes from this site. Browsers say so in `Sec-Fetch-Site`; older
 * ones send `Origin`, which is "null" under the pages' no-referrer policy, so not decisive.
 * The origin's host is compared, not its scheme: behind a TLS-terminating proxy the app
 * cannot tell which scheme the browser used.
 * @param headers - the request's headers (`Headers`, or an adapter over Node's).
 */
export function isSameOriginPost(headers: { get(name: string): string | null }): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none';
  const origin = headers.get('origin');
  if (origin === null || origin === 'null') return true;
  return URL.canParse(origin) && new URL(origin).host === headers.get('host');
}

/** Where a sign-in goes when `next` is missing or refused. */
export const DEFAULT_AFTER_SIGN_IN = '/admin';

/**
 * The only pages a sign-in returns to: the admin page and the private read page of a
 * request link. A whitelist of this site's own paths, not "any path": `//host`, `/\host`,
 * a scheme or an encoded trick can never become an open redirect.
 */
const NEXT_PATH = /^\/admin(?:\/requests\/[A-Za-z0-9_-]{1,64})?$/;

/**
 * The page to go to after signing in: `next` (from the login page's query or form) when it
 * is one of this site's admin pages, else {@link DEFAULT_AFTER_SIGN_IN}.
 */
export function pathAfterSignIn(next: unknown): string {
  return typeof next === 'string' && NEXT_PATH.test(next) ? next : DEFAULT_AFTER_SIGN_IN;
}
