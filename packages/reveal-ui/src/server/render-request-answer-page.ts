import { type RevealUiStringOverrides, resolveStrings } from '../strings';
import { escapeHtml } from './escape-html';
import { elementAttributes, renderDocument } from './page-document';
import { loadBundles } from './reveal-ui-assets';

/** Options of {@link renderRequestAnswerPage}. */
export interface RequestAnswerPageOptions {
  /** The request id from the path `{adminPath}/requests/{id}`. */
  id: string;
  /** The handler's base path: `''` or `/something` (the element calls `{basePath}/api/…`). */
  basePath: string;
  /** Where the assets are served; default `{basePath}/assets`. */
  assetBase?: string;
  strings?: RevealUiStringOverrides;
  lang?: string;
}

/**
 * The creator's private read page, `{adminPath}/requests/{id}#sk` (DESIGN.md §10): the page
 * the private "read the answer" link opens, on any device. `<hushlink-request-answer>` with
 * the creator's bundle. Serve it behind the host's own login, like the admin page: it lists
 * the creator's requests to find this one.
 * @example
 * ```ts
 * app.get('/admin/requests/:id', requireLogin, (req, res) =>
 *   res.type('html').send(renderRequestAnswerPage({ id: req.params.id, basePath: '' })));
 * ```
 */
export function renderRequestAnswerPage(options: RequestAnswerPageOptions): string {
  const { names } = loadBundles();
  const strings = resolveStrings(options.strings);
  const body = [
    '<main class="hl-page">',
    `<hushlink-request-answer data-id="${escapeHtml(options.id)}" ${elementAttributes(options.basePath, options.strings)}>`,
    '<section class="hl-card">',
    `<h1>${escapeHtml(strings.requestAnswerTitle)}</h1>`,
    `<noscript><p>${escapeHtml(strings.noScript)}</p></noscript>`,
    '</section>',
    '</hushlink-request-answer>',
    '</main>',
  ].join('\n');
  return renderDocument({
    lang: options.lang ?? 'en',
    title: strings.requestAnswerTitle,
    assetBase: options.assetBase ?? `${options.basePath}/assets`,
    scriptName: names.admin,
    cssName: names.css,
    bodyHtml: body,
  });
}
