/**
 * Calling the host's `authorize` safely. Creator routes need a user; recipient routes only
 * ask to fill `createdByYou`, so there any failure simply means "not the creator".
 */
import { ForbiddenError } from '../errors';

/** The user `authorize` recognised. */
export interface Caller {
  userId: string;
}

/**
 * The host's authentication: the signed-in user for this request, or null. Throw
 * `ForbiddenError` to answer 403 on creator routes. Must not read the request body.
 */
export type Authorize = (request: Request) => Caller | null | Promise<Caller | null>;

/** The outcome of authenticating a creator. */
export type CreatorAuth =
  | { ok: true; userId: string }
  | { ok: false; code: 'unauthorized' | 'forbidden' }
  /** `authorize` itself failed (its session store is down, a bug): retryable, not the caller's fault. */
  | { ok: false; code: 'unavailable'; error: unknown };

/** Authenticates a creator route's caller. Never throws. */
export async function authorizeCreator(
  authorize: Authorize,
  request: Request,
): Promise<CreatorAuth> {
  try {
    const userId = userIdOf(await authorize(request));
    return userId === null ? { ok: false, code: 'unauthorized' } : { ok: true, userId };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, code: 'forbidden' };
    return { ok: false, code: 'unavailable', error };
  }
}

/** The caller's user id on a recipient route, or null; any throw counts as "nobody". */
export async function viewerOf(authorize: Authorize, request: Request): Promise<string | null> {
  try {
    return userIdOf(await authorize(request));
  } catch {
    return null;
  }
}

/** Anything but `{ userId: non-empty string }` counts as not signed in. */
function userIdOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const userId = (result as { userId?: unknown }).userId;
  return typeof userId === 'string' && userId !== '' ? userId : null;
}
