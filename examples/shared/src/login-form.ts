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
