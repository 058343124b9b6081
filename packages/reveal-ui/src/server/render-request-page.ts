import { type RevealUiStringOverrides, resolveStrings } from '../strings';
import { escapeHtml } from './escape-html';
import { elementAttributes, renderDocument } from './page-document';
import { loadBundles } from './reveal-ui-assets';

/** Options of {@link renderRequestPage}: a `PageContext` of `@hushlink/core/http` fits. */
export interface RequestPageOptions {
  /** The request id from the path (validated by the page before any call). */
  id: string;
  /** The handler's base path: `''` or `/something`. */
  basePath: string;
  /** Where the assets are served; default `{basePath}/assets`. */
  assetBase?: string;
  /** Text overrides (localisation). */
  strings?: RevealUiStringOverrides;
  /** The page's `lang`. Default `en`. */
  lang?: string;
}

/**
 * The customer's page of a request link (`GET {basePath}/r/{id}`, DESIGN.md §10) as a
 * complete HTML document: `<hushlink-request>` plus its own bundle `request.<hash>.js` (the
 * reveal page's crypto plus X25519) and the stylesheet. No inline script or style, so the
 * handler's strict CSP holds. The same HTML for every id: the page reveals nothing about
 * whether a request exists, and rendering it changes nothing.
 * @example
 * ```ts
 * app.get('/r/:id', (req, res) => res.type('html').send(renderRequestPage({ id: req.params.id, basePath: '' })));
 * ```
 */
export function renderRequestPage(options: RequestPageOptions): string {
  const { names } = loadBundles();
  const strings = resolveStrings(options.strings);
  const basePath = options.basePath;
  const body = [
    '<main class="hl-page">',
    `<hushlink-request data-id="${escapeHtml(options.id)}" ${elementAttributes(basePath, options.strings)}>`,
    '<section class="hl-card">',
    `<h1>${escapeHtml(strings.requestPageTitle)}</h1>`,
    `<noscript><p>${escapeHtml(strings.requestNoScript)}</p></noscript>`,
    '</section>',
    '</hushlink-request>',
    '</main>',
  ].join('\n');
  return renderDocument({
    lang: options.lang ?? 'en',
    title: strings.requestPageTitle,
    assetBase: options.assetBase ?? `${basePath}/assets`,
    scriptName: names.request,
    cssName: names.css,
    bodyHtml: body,
  });
}
