/**
 * The creator's private "read the answer" page of a request link,
 * `/admin/requests/{id}#sk`, behind the admin login. The element takes `sk` from the
 * fragment (never sent), keeps it in this browser's IndexedDB and reveals the answer.
 */

import { SESSION_COOKIE } from '@hushlink/example-shared';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { hushlinkApp } from '../../../../lib/hushlink-app';
import { HushlinkRequestAnswer } from '../../../hushlink-elements';

export const metadata: Metadata = { title: 'Read the answer' };

export default async function RequestAnswerPage(props: { params: Promise<{ id: string }> }) {
  const { sessions } = await hushlinkApp();
  const user = sessions.userOf((await cookies()).get(SESSION_COOKIE)?.value);
  if (user === null) redirect('/admin/login');
  const { id } = await props.params;
  return (
    <main className="hl-page">
      <HushlinkRequestAnswer id={id} basePath="" />
    </main>
  );
}
