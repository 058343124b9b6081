/**
 * The recipient's page, `/s/{id}#key`: a server component around `<HushlinkReveal>`.
 * Rendering it consumes nothing; only the page's "Click to reveal" does. The key stays in
 * the fragment, which browsers never send, and the element removes it from the address bar.
 */
import type { Metadata } from 'next';
import { HushlinkReveal } from '../../hushlink-elements';

export const metadata: Metadata = { title: 'A secret was shared with you' };

export default async function RevealPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  return (
    <main className="hl-page">
      <HushlinkReveal id={id} basePath="" />
      <noscript>
        <p>This page needs JavaScript to decrypt the secret. Enable it and reload the page.</p>
      </noscript>
    </main>
  );
}
