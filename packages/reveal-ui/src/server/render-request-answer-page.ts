import { type PageOptions, renderElementPage } from './render-element-page';

/** Options of {@link renderRequestAnswerPage}. */
export interface RequestAnswerPageOptions extends PageOptions {
  /** The request id from the path `{adminPath}/requests/{id}`. */
  id: string;
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
  return renderElementPage(options, {
    tag: 'hushlink-request-answer',
    title: 'requestAnswerTitle',
    noScript: 'noScript',
    bundle: 'admin',
  });
}
