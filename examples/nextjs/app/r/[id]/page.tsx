/**
 * The customer's page of a request link, `/r/{id}#pk`: a server component around
 * `<HushlinkRequest>`. It answers for any id and changes nothing; the element reads `pk`
 * from the fragment (never sent), removes it from the address bar, and seals the typed
 * secret in the browser so that only the person who asked can read it.
 */
import type { Metadata } from 'next';
import { HushlinkRequest } from '../../hushlink-elements';

export const metadata: Metadata = { title: 'Someone asked you for a secret' };

export default async function RequestPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  return (
    <main className="hl-page">
      <HushlinkRequest id={id} basePath="" />
      <noscript>
        <p>This page needs JavaScript to encrypt your answer. Enable it and reload the page.</p>
      </noscript>
    </main>
  );
}
