/** `POST /admin/logout`: the sign-out button. Ends the session and clears the cookie. */

import { isSameOriginPost, SESSION_COOKIE } from '@hushlink/example-shared';
import { cookies } from 'next/headers';
import { seeOther } from '../../../lib/admin-forms';
import { hushlinkApp } from '../../../lib/hushlink-app';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Signs out: 303 to the sign-in page; 403 for a cross-site post. */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return new Response(null, { status: 403 });
  const { sessions } = await hushlinkApp();
  sessions.logout((await cookies()).get(SESSION_COOKIE)?.value);
  return seeOther('/admin/login', sessions.cookie(null));
}
