/**
 * The private read page's way back after a sign-in: a link to the host's login page whose
 * `next` is this page's path. No fragment is needed: `sk` is already in IndexedDB, and a
 * query string reaches the server, which must never see `sk`.
 */

/** Only a plain path: never a scheme or a host, so the link stays on this origin. */
const PLAIN_PATH = /^(\/[A-Za-z0-9._~%-]+)+$/;

/** The end of `{adminPath}/requests/{id}`. */
const READ_PAGE_END = /\/requests\/[A-Za-z0-9_-]{1,64}$/;

/** The login page when nothing better is known: both examples serve it there. */
const DEFAULT_LOGIN_PATH = '/admin/login';

/**
 * Where the host signs in: `data-login-path` when it is a plain path, else
 * `{adminPath}/login`, `adminPath` being what precedes `/requests/{id}` in this page's path.
 * @param loginPath - the element's `data-login-path`, if any.
 * @param pathname - this page's path, `{adminPath}/requests/{id}`.
 */
export function loginPathOf(loginPath: string | undefined, pathname: string): string {
  if (loginPath !== undefined && PLAIN_PATH.test(loginPath)) return loginPath;
  if (!READ_PAGE_END.test(pathname)) return DEFAULT_LOGIN_PATH;
  const adminPath = pathname.replace(READ_PAGE_END, '');
  return PLAIN_PATH.test(adminPath) ? `${adminPath}/login` : DEFAULT_LOGIN_PATH;
}

/**
 * The sign-in link's `href`: the login page with `next` = `pathname` (without query or
 * fragment), which the host checks before redirecting to it.
 */
export function signInHref(loginPath: string | undefined, pathname: string): string {
  return `${loginPathOf(loginPath, pathname)}?next=${encodeURIComponent(pathname)}`;
}
