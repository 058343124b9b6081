/**
 * The sign-in page: a plain form posting to `/admin/session`, which redirects back here
 * with `?error=` when the sign-in fails. `?next=` (an admin page, checked by
 * `pathAfterSignIn`) rides along as a hidden field: where a successful sign-in goes.
 */

import {
  LOGIN_ERRORS,
  type LoginError,
  pathAfterSignIn,
  SESSION_COOKIE,
} from '@hushlink/example-shared';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { hushlinkApp } from '../../../lib/hushlink-app';

export const metadata: Metadata = { title: 'Sign in · Secrets' };

export default async function LoginPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { sessions } = await hushlinkApp();
  const query = await props.searchParams;
  const next = pathAfterSignIn(query.next);
  if (sessions.userOf((await cookies()).get(SESSION_COOKIE)?.value) !== null) redirect(next);
  const code = query.error;
  const error =
    typeof code === 'string' && Object.hasOwn(LOGIN_ERRORS, code)
      ? LOGIN_ERRORS[code as LoginError]
      : undefined;
  return (
    <main className="hl-page">
      <section className="hl-card">
        <h1>Sign in</h1>
        <form
          className="hl-login"
          method="post"
          action="/admin/session"
          aria-describedby={error === undefined ? undefined : 'login-error'}
        >
          {error !== undefined && (
            <p className="hl-error" role="alert" id="login-error">
              {error}
            </p>
          )}
          <input type="hidden" name="next" value={next} />
          <div className="hl-field">
            <label htmlFor="user">User</label>
            <input type="text" id="user" name="user" autoComplete="username" required />
          </div>
          <div className="hl-field">
            <label htmlFor="password">Password</label>
            <input
              type="password"
              id="password"
              name="password"
              autoComplete="current-password"
              required
            />
          </div>
          <button type="submit" className="hl-primary">
            Sign in
          </button>
        </form>
      </section>
    </main>
  );
}
