import { type PageOptions, renderElementPage } from './render-element-page';

/** Options of {@link renderRequestAnswerPage}. */
export interface RequestAnswerPageOptions extends PageOptions {
  /** The request id from the path `{adminPath}/requests/{id}`. */
  id: string;
}

/**
 * The creator's private read page, `{adminPath}/requests/{id}#sk` (DESIGN.md §10): the page
 * the private "read the answer" link opens, on any device. `<hushlink-request-answer>` with
 * the creator's bundle. Serve it WITHOUT requiring a login: a redirect to the login page
 * would drop `#sk`. The page holds no data; it lists the creator's requests through the API,
 * which needs the session, and signed out it keeps `sk` in IndexedDB and links to
 * `{adminPath}/login?next={this path}` (or the element's `data-login-path`).
 * @example
 * ```ts
 * app.get('/admin/requests/:id', (req, res) =>
 *   res.type('html').send(renderRequestAnswerPage({ id: req.params.id, basePath: '' })));
 * ```
 */
export function renderRequestAnswerPage(options: RequestAnswerPageOptions): string {
  return renderElementPage(options, {
    tag: 'hushlink-request-answer',
    title: 'requestAnswerTitle',
    noScript: 'noScript',
    bundle: 'admin',
  });
}
