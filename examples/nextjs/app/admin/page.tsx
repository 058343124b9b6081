/**
 * The creator's page: the create form above the history, then request links ("Request a
 * secret" and the requests list), behind the admin login. The elements call
 * `/api/secrets…` and `/api/requests…` with the session cookie; the API checks it again.
 */

import { SESSION_COOKIE } from '@hushlink/example-shared';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { hushlinkApp } from '../../lib/hushlink-app';
import {
  HushlinkCreate,
  HushlinkHistory,
  HushlinkRequestForm,
  HushlinkRequests,
} from '../hushlink-elements';

export const metadata: Metadata = { title: 'Secrets' };

export default async function AdminPage() {
  const { sessions, notifyDefault } = await hushlinkApp();
  const user = sessions.userOf((await cookies()).get(SESSION_COOKIE)?.value);
  if (user === null) redirect('/admin/login');
  return (
    <main className="hl-page hl-page-wide">
      <header className="hl-topbar">
        <h1>Secrets</h1>
        <div className="hl-actions">
          <span className="hl-hint">{user}</span>
          <form className="hl-inline-form" method="post" action="/admin/logout">
            <button type="submit" className="hl-secondary">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <HushlinkCreate basePath="" notifyDefault={notifyDefault} />
      <HushlinkHistory basePath="" />
      <HushlinkRequestForm basePath="" adminPath="/admin" />
      <HushlinkRequests basePath="" />
    </main>
  );
}
