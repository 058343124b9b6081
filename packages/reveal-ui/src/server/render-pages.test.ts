import { describe, expect, it } from 'vitest';
import { renderAdminShell } from './render-admin-shell';
import { renderRevealPage } from './render-reveal-page';
import { revealUiAssetNames } from './reveal-ui-assets';

/** What a strict CSP without 'unsafe-inline' would block. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*>/g)) {
    if (!/\ssrc="/.test(match[0])) found.push(match[0]);
  }
  for (const match of html.matchAll(/<style\b|\sstyle="|\son[a-z]+="/g)) found.push(match[0]);
  return found;
}

describe('renderRevealPage', () => {
  it('renders a complete page that loads only the recipient bundle, with no inline script or style', () => {
    const html = renderRevealPage({ id: 'abc_-123', basePath: '/vault' });
    const names = revealUiAssetNames();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<script type="module" src="/vault/assets/${names.reveal}"></script>`);
    expect(html).toContain(`href="/vault/assets/${names.css}"`);
    expect(html).not.toContain(names.admin);
    expect(html).toContain('<hushlink-reveal data-id="abc_-123" data-base-path="/vault">');
    expect(inlineCode(html)).toEqual([]);
  });

  it('escapes the id and the strings it is given', () => {
    const html = renderRevealPage({
      id: '"><script>alert(1)</script>',
      basePath: '',
      strings: { pageTitle: '<b>Geheimnis</b>', clickToReveal: 'Zum Anzeigen "klicken"' },
      lang: 'de',
    });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>Geheimnis');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<title>&lt;b&gt;Geheimnis&lt;/b&gt;</title>');
    expect(html).toContain('data-strings="{&quot;pageTitle&quot;');
    expect(inlineCode(html)).toEqual([]);
  });

  it('takes the assets from another base when told', () => {
    const html = renderRevealPage({ id: 'x', basePath: '', assetBase: 'https://cdn.example/hl/' });
    expect(html).toContain(`src="https://cdn.example/hl/${revealUiAssetNames().reveal}"`);
  });
});

describe('renderAdminShell', () => {
  it('renders the create form above the history with the creator bundle', () => {
    const html = renderAdminShell({
      basePath: '',
      userName: 'ana <admin>',
      signOut: { action: '/logout' },
      linkBase: 'https://share.example',
    });
    const names = revealUiAssetNames();
    expect(html).toContain(`src="/assets/${names.admin}"`);
    expect(html).not.toContain(names.reveal);
    expect(html.indexOf('<hushlink-create')).toBeLessThan(html.indexOf('<hushlink-history'));
    expect(html).toContain('data-link-base="https://share.example"');
    expect(html).toContain('ana &lt;admin&gt;');
    expect(html).toContain('<form class="hl-inline-form" method="post" action="/logout">');
    expect(inlineCode(html)).toEqual([]);
  });

  it('ticks "Notify me when opened" by default only when asked', () => {
    expect(renderAdminShell({ basePath: '' })).not.toContain('data-notify-default');
    expect(renderAdminShell({ basePath: '', notifyDefault: true })).toMatch(
      /<hushlink-create [^>]*data-notify-default/,
    );
  });
});
