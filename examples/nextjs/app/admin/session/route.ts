/**
 * `POST /admin/session`: the sign-in form. Sets the session cookie and goes to `/admin`,
 * or back to the form with the reason.
 */
import { isSameOriginPost } from '@hushlink/example-shared';
import { peerOf, seeOther } from '../../../lib/admin-forms';
import { hushlinkApp } from '../../../lib/hushlink-app';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A user name and a password fit in far less. */
const MAX_FORM_BYTES = 4096;

/** Signs in: 303 to `/admin` with the cookie, or back to the form with `?error=`. */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return seeOther('/admin/login?error=cross-site');
  if (Number(request.headers.get('content-length') ?? MAX_FORM_BYTES + 1) > MAX_FORM_BYTES) {
    return new Response('Payload too large', { status: 413 });
  }
  const form = await request.formData().catch(() => null);
  const user = form?.get('user');
  const password = form?.get('password');
  const { sessions } = await hushlinkApp();
  const session = sessions.login(
    typeof user === 'string' ? user : '',
    typeof password === 'string' ? password : '',
    peerOf(request),
  );
  if (session === 'throttled') return seeOther('/admin/login?error=throttled');
  if (session === null) return seeOther('/admin/login?error=wrong');
  return seeOther('/admin', sessions.cookie(session));
}
