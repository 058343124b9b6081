/**
 * `POST /admin/session`: the sign-in form. Sets the session cookie and goes to the form's
 * `next` (an admin page, checked by `pathAfterSignIn`; default `/admin`), or back to the
 * form with the reason and the same `next`.
 */
import { isSameOriginPost, pathAfterSignIn } from '@hushlink/example-shared';
import { peerOf, seeOther } from '../../../lib/admin-forms';
import { hushlinkApp } from '../../../lib/hushlink-app';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A user name and a password fit in far less. */
const MAX_FORM_BYTES = 4096;

/** Signs in: 303 to `next` with the cookie, or back to the form with `?error=`. */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return seeOther('/admin/login?error=cross-site');
  if (Number(request.headers.get('content-length') ?? MAX_FORM_BYTES + 1) > MAX_FORM_BYTES) {
    return new Response('Payload too large', { status: 413 });
  }
  const form = await request.formData().catch(() => null);
  const user = form?.get('user');
  const password = form?.get('password');
  const next = pathAfterSignIn(form?.get('next'));
  const retry = (error: string) =>
    seeOther(`/admin/login?${new URLSearchParams({ error, next }).toString()}`);
  const { sessions } = await hushlinkApp();
  const session = sessions.login(
    typeof user === 'string' ? user : '',
    typeof password === 'string' ? password : '',
    peerOf(request),
  );
  if (session === 'throttled') return retry('throttled');
  if (session === null) return retry('wrong');
  return seeOther(next, sessions.cookie(session));
}
