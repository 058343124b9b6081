import { type PageOptions, renderElementPage } from './render-element-page';

/** Options of {@link renderRequestPage}: a `PageContext` of `@hushlink/core/http` fits. */
export interface RequestPageOptions extends PageOptions {
  /** The request id from the path (validated by the page before any call). */
  id: string;
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
  return renderElementPage(options, {
    tag: 'hushlink-request',
    title: 'requestPageTitle',
    noScript: 'requestNoScript',
    bundle: 'request',
  });
}
