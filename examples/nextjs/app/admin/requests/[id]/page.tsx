/**
 * The creator's private "read the answer" page of a request link, `/admin/requests/{id}#sk`.
 * Served without a session: a redirect to the login would drop `#sk`, while the element
 * first takes `sk` from the fragment (never sent) into this browser's IndexedDB, then, signed
 * out, offers "Sign in to read the answer" coming back here. The page holds no data; every
 * API call the element makes needs the session.
 */

import type { Metadata } from 'next';
import { HushlinkRequestAnswer } from '../../../hushlink-elements';

export const metadata: Metadata = { title: 'Read the answer' };

export default async function RequestAnswerPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  return (
    <main className="hl-page">
      <HushlinkRequestAnswer id={id} basePath="" />
    </main>
  );
}
