import { InvalidRequestError } from '../errors';

/** A single-use secret: the default. */
export const DEFAULT_MAX_VIEWS = 1;
/** The largest view count a creator may set (null means unlimited until expiry). */
export const MAX_VIEWS_LIMIT = 1000;

/**
 * The view limit of a new secret: 1 when not given, an integer 1..1000, or null for
 * "reusable until expiry".
 * @throws {InvalidRequestError} (field `maxViews`) for anything else.
 */
export function resolveMaxViews(maxViews: number | null | undefined): number | null {
  if (maxViews === undefined) return DEFAULT_MAX_VIEWS;
  if (maxViews === null) return null;
  if (!Number.isInteger(maxViews) || maxViews < 1 || maxViews > MAX_VIEWS_LIMIT) {
    throw new InvalidRequestError(
      `maxViews must be an integer in 1..${MAX_VIEWS_LIMIT}, or null for unlimited.`,
      'maxViews',
    );
  }
  return maxViews;
}
