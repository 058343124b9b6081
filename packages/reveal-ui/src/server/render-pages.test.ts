import type { RenderPage } from '@hushlink/core/http';
import { describe, expect, it } from 'vitest';
import { renderAdminShell } from './render-admin-shell';
import { renderRequestAnswerPage } from './render-request-answer-page';
import { renderRequestPage } from './render-request-page';
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

describe('renderRequestPage', () => {
  it('renders the customer page with only the request bundle, no inline script or style', () => {
    const html = renderRequestPage({ id: 'abc_-123', basePath: '/vault' });
    const names = revealUiAssetNames();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<script type="module" src="/vault/assets/${names.request}"></script>`);
    expect(html).toContain(`href="/vault/assets/${names.css}"`);
    expect(html).not.toContain(names.reveal);
    expect(html).not.toContain(names.admin);
    expect(html).toContain('<hushlink-request data-id="abc_-123" data-base-path="/vault">');
    expect(html).toContain('<title>Someone asks you for a secret</title>');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(inlineCode(html)).toEqual([]);
  });

  it('is the same page for every id apart from the escaped id, and fits a PageContext', () => {
    // Assignable as the handler's page renderer for GET /r/{id}, as is.
    const render: RenderPage = renderRequestPage;
    const request = new Request('https://example.com/r/aaaa');
    const one = render({ id: 'aaaa', basePath: '', request }) as string;
    const two = renderRequestPage({ id: 'bbbb', basePath: '' });
    expect(one.replace('aaaa', 'bbbb')).toBe(two);
    const hostile = renderRequestPage({
      id: '"><script>alert(1)</script>',
      basePath: '',
      strings: { requestPageTitle: '<b>Anfrage</b>' },
      lang: 'de',
    });
    expect(hostile).not.toContain('<script>alert(1)');
    expect(hostile).toContain('<title>&lt;b&gt;Anfrage&lt;/b&gt;</title>');
    expect(hostile).toContain('<html lang="de">');
    expect(inlineCode(hostile)).toEqual([]);
  });
});

describe('renderRequestAnswerPage', () => {
  it('renders the private read page with the creator bundle', () => {
    const html = renderRequestAnswerPage({ id: 'req1', basePath: '' });
    const names = revealUiAssetNames();
    expect(html).toContain(`src="/assets/${names.admin}"`);
    expect(html).toContain('<hushlink-request-answer data-id="req1" data-base-path="">');
    expect(inlineCode(html)).toEqual([]);
  });
});

describe('renderAdminShell with requests', () => {
  it('adds the request form below the create form and the requests below the history', () => {
    const html = renderAdminShell({
      basePath: '/vault',
      requests: true,
      adminPath: '/desk',
      linkBase: 'https://share.example',
    });
    const order = [
      '<hushlink-create',
      '<hushlink-request-form',
      '<hushlink-history',
      '<hushlink-requests',
    ];
    const positions = order.map((tag) => html.indexOf(tag));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain(
      '<hushlink-request-form data-base-path="/vault" data-link-base="https://share.example" data-admin-path="/desk">',
    );
    expect(inlineCode(html)).toEqual([]);
  });

  it('leaves them out unless asked', () => {
    const html = renderAdminShell({ basePath: '' });
    expect(html).not.toContain('hushlink-request');
  });
});
