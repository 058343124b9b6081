/**
 * The pages `@hushlink/reveal-ui` renders, from their common options: the document around
 * the elements with the right bundle, and the body of a page that holds one element for
 * one id (the reveal page, the request page, the private read page).
 */
import {
  type RevealUiStringKey,
  type RevealUiStringOverrides,
  type RevealUiStrings,
  resolveStrings,
} from '../strings';
import type { BuiltBundles } from './bundle-options';
import { escapeHtml } from './escape-html';
import { elementAttributes, renderDocument } from './page-document';
import { loadBundles } from './reveal-ui-assets';

/** What every page renderer takes. */
export interface PageOptions {
  /** The handler's base path: `''` or `/something` (the elements call `{basePath}/api/…`). */
  basePath: string;
  /** Where the assets are served; default `{basePath}/assets`. */
  assetBase?: string;
  /** Text overrides (localisation). */
  strings?: RevealUiStringOverrides;
  /** The page's `lang`. Default `en`. */
  lang?: string;
}

/** What a page renderer decides: its title, its script and its body. */
export interface PageContent {
  title: string;
  /** The bundle the page loads: each page loads only what it needs. */
  bundle: Exclude<keyof BuiltBundles['names'], 'css'>;
  /** Trusted HTML of the body (built with {@link escapeHtml}). */
  bodyHtml: string;
}

/** A complete HTML document for `content`, with the defaults of {@link PageOptions} applied. */
export function renderPageDocument(options: PageOptions, content: PageContent): string {
  const { names } = loadBundles();
  return renderDocument({
    lang: options.lang ?? 'en',
    title: content.title,
    assetBase: options.assetBase ?? `${options.basePath}/assets`,
    scriptName: names[content.bundle],
    cssName: names.css,
    bodyHtml: content.bodyHtml,
  });
}

/** The one element a link page holds, and the texts shown before its script runs. */
export interface ElementPage {
  /** The custom element's tag, e.g. `hushlink-reveal`. */
  tag: string;
  /** The `<h1>`'s and the `<title>`'s text. */
  title: RevealUiStringKey;
  /** What the page says when JavaScript is off. */
  noScript: RevealUiStringKey;
  bundle: PageContent['bundle'];
}

/**
 * A page holding one element for the id `options.id`, whose card shows the title and the
 * `<noscript>` text until the element draws itself.
 */
export function renderElementPage(
  options: PageOptions & { id: string },
  page: ElementPage,
): string {
  const strings: RevealUiStrings = resolveStrings(options.strings);
  const attributes = elementAttributes(options.basePath, options.strings);
  const bodyHtml = [
    '<main class="hl-page">',
    `<${page.tag} data-id="${escapeHtml(options.id)}" ${attributes}>`,
    '<section class="hl-card">',
    `<h1>${escapeHtml(strings[page.title])}</h1>`,
    `<noscript><p>${escapeHtml(strings[page.noScript])}</p></noscript>`,
    '</section>',
    `</${page.tag}>`,
    '</main>',
  ].join('\n');
  return renderPageDocument(options, { title: strings[page.title], bundle: page.bundle, bodyHtml });
}
