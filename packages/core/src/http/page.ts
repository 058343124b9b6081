/**
 * The recipient's page (`GET {basePath}/s/{id}`) and the static assets it loads.
 *
 * The page answers 200 for any id and changes nothing: link-preview bots fetch it, and
 * only a click in a browser (which then calls meta and reveal) can consume a secret.
 */

/** What a page renderer receives. */
export interface PageContext {
  /** The `{id}` path segment as requested (not validated: the page asks the API). */
  id: string;
  /** The handler's `basePath` (`''` or `/something`). */
  basePath: string;
  request: Request;
}

/** Renders the reveal page's HTML. Must not inline scripts: the CSP forbids them. */
export type RenderPage = (context: PageContext) => string | Promise<string>;

/** A static file served under `{basePath}/assets/{name}`. */
export interface Asset {
  body: string | Uint8Array;
  /** The media type, e.g. `text/javascript; charset=utf-8`. */
  type: string;
  /** Content-hashed names may be cached for a year; others are revalidated each time. */
  immutable?: boolean;
}

/**
 * The default page's Content-Security-Policy: scripts, styles and calls only from this
 * origin, no inline script, never framed.
 */
export const DEFAULT_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every page answer (DESIGN.md §7). */
export function pageHeaders(csp: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': csp,
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex, nofollow',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
}

/**
 * A scriptless page: a title, a heading and a paragraph, and what a visitor without
 * JavaScript should do. Texts are constants, so nothing here needs escaping.
 */
function scriptlessPage(title: string, explanation: string, noscript: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${title}</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${title}</h1>`,
    `<p>${explanation}</p>`,
    `<noscript><p>${noscript}</p></noscript>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A minimal, valid page until the reveal UI is mounted: it explains what the link is and
 * holds no script, so it is safe for any id and any visitor.
 */
export const renderMinimalPage: RenderPage = () =>
  scriptlessPage(
    'A secret was shared with you',
    'The secret is decrypted in your browser with the key in this link; the server never sees it.',
    'This page needs JavaScript to decrypt the secret. Enable it and reload the page.',
  );

/**
 * The default customer's page of a request link (`GET {basePath}/r/{id}`) until the
 * request UI is mounted: it says what the link is for and holds no script.
 */
export const renderMinimalRequestPage: RenderPage = () =>
  scriptlessPage(
    'Someone asked you for a secret',
    'What you type is encrypted in your browser with the key in this link, so that only the person who asked can read it; the server never sees it.',
    'This page needs JavaScript to encrypt your answer. Enable it and reload the page.',
  );

/** Builds the page answer (HEAD: the same headers, no body). */
export async function answerPage(
  render: RenderPage,
  context: PageContext,
  options: { csp: string; head: boolean },
): Promise<Response> {
  const html = await render(context);
  return new Response(options.head ? null : html, {
    status: 200,
    headers: pageHeaders(options.csp),
  });
}

/** Builds an asset answer, or null when the name is unknown. */
export function answerAsset(
  assets: Readonly<Record<string, Asset>> | undefined,
  name: string,
  head: boolean,
): Response | null {
  // Own properties only: a name like "constructor" must not reach Object.prototype.
  if (assets === undefined || !Object.hasOwn(assets, name)) return null;
  const asset = assets[name];
  if (asset === undefined) return null;
  const body = typeof asset.body === 'string' ? new TextEncoder().encode(asset.body) : asset.body;
  return new Response(head ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers: {
      'content-type': asset.type,
      'content-length': String(body.byteLength),
      'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    },
  });
}
