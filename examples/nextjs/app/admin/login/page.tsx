/**
 * The sign-in page: a plain form posting to `/admin/session`, which redirects back here
 * with `?error=` when the sign-in fails.
 */
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE } from '../../../lib/admin-sessions';
import { hushlinkApp } from '../../../lib/hushlink-app';

export const metadata: Metadata = { title: 'Sign in · Secrets' };

const ERRORS: Record<string, string> = {
  wrong: 'Wrong user or password.',
  throttled: 'Too many failed sign-ins. Wait 15 minutes.',
  'cross-site': 'Cross-site sign-in refused.',
};

export default async function LoginPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { sessions } = await hushlinkApp();
  if (sessions.userOf((await cookies()).get(SESSION_COOKIE)?.value) !== null) redirect('/admin');
  const code = (await props.searchParams).error;
  const error = typeof code === 'string' ? ERRORS[code] : undefined;
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
