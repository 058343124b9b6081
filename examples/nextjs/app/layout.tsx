/**
 * The document around every page: reveal-ui's stylesheet, no index, no referrer. Pages are
 * rendered per request, because the CSP nonce (proxy.ts) is new on every request.
 */
import '@hushlink/reveal-ui/hushlink.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Secrets',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
  // No favicon request (and no 404 in the console).
  icons: { icon: 'data:,' },
};

export const viewport: Viewport = { colorScheme: 'light dark' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
