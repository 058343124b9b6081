/**
 * The HTML document around the elements: no inline script or style (the strict CSP holds),
 * the stylesheet and one module script from the assets, no referrer, not indexed.
 */
import { escapeHtml } from './escape-html';

/** What a page needs. */
export interface PageDocument {
  lang: string;
  title: string;
  /** URL prefix of the assets, e.g. `/assets` or `https://cdn.example/hushlink`. */
  assetBase: string;
  scriptName: string;
  cssName: string;
  /** Trusted HTML of the body (built with {@link escapeHtml}). */
  bodyHtml: string;
}

/** Renders a complete HTML document. */
export function renderDocument(page: PageDocument): string {
  const base = page.assetBase.replace(/\/+$/, '');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light dark">',
    // No favicon request (and no 404 in the console).
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<link rel="stylesheet" href="${escapeHtml(`${base}/${page.cssName}`)}">`,
    `<script type="module" src="${escapeHtml(`${base}/${page.scriptName}`)}"></script>`,
    '</head>',
    '<body>',
    page.bodyHtml,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The attributes every element reads: `data-base-path` and, when texts are overridden,
 * `data-strings` (JSON, escaped for the attribute).
 */
export function elementAttributes(basePath: string, overrides: object | undefined): string {
  const strings =
    overrides !== undefined && Object.keys(overrides).length > 0
      ? ` data-strings="${escapeHtml(JSON.stringify(overrides))}"`
      : '';
  return `data-base-path="${escapeHtml(basePath)}"${strings}`;
}
