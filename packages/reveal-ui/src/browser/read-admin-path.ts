/**
 * The host's admin path (`data-admin-path`, default `/admin`), under which it serves the
 * private read page `{adminPath}/requests/{id}` (DESIGN.md §10).
 */

/** The default admin path. */
export const DEFAULT_ADMIN_PATH = '/admin';

/**
 * Reads `data-admin-path`: only a plain path (never a scheme or a host), else the default,
 * so the private link always stays on this origin.
 */
export function readAdminPath(element: HTMLElement): string {
  const raw = element.dataset.adminPath;
  return raw !== undefined && /^(\/[A-Za-z0-9._~%-]+)*$/.test(raw) ? raw : DEFAULT_ADMIN_PATH;
}
