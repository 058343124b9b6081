import { type RevealUiStringOverrides, resolveStrings } from '../strings';
import { escapeHtml } from './escape-html';
import { elementAttributes, renderDocument } from './page-document';
import { loadBundles } from './reveal-ui-assets';

/** Options of {@link renderRevealPage}: a `PageContext` of `@hushlink/core/http` fits. */
export interface RevealPageOptions {
  /** The secret id from the path (validated by the page before any call). */
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
 * The recipient's page as a complete HTML document: `<hushlink-reveal>` plus the
 * recipient's bundle and stylesheet. No inline script or style, so the handler's strict
 * CSP holds. Pass it as `renderPage` to `createHandler`, or serve it from any server.
 *
 * Rendering consumes nothing: only the page's own "Click to reveal" does.
 * @example
 * ```ts
 * createHandler({ hushlink, authorize, assets: revealUiAssets(), renderPage: renderRevealPage });
 * ```
 */
export function renderRevealPage(options: RevealPageOptions): string {
  const { names } = loadBundles();
  const strings = resolveStrings(options.strings);
  const basePath = options.basePath;
  const body = [
    '<main class="hl-page">',
    `<hushlink-reveal data-id="${escapeHtml(options.id)}" ${elementAttributes(basePath, options.strings)}>`,
    '<section class="hl-card">',
    `<h1>${escapeHtml(strings.pageTitle)}</h1>`,
    `<noscript><p>${escapeHtml(strings.noScript)}</p></noscript>`,
    '</section>',
    '</hushlink-reveal>',
    '</main>',
  ].join('\n');
  return renderDocument({
    lang: options.lang ?? 'en',
    title: strings.pageTitle,
    assetBase: options.assetBase ?? `${basePath}/assets`,
    scriptName: names.reveal,
    cssName: names.css,
    bodyHtml: body,
  });
}
