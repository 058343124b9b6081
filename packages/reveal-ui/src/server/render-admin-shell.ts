import { resolveStrings } from '../strings';
import { escapeHtml } from './escape-html';
import { elementAttributes } from './page-document';
import { type PageOptions, renderPageDocument } from './render-element-page';

/** Options of {@link renderAdminShell}. */
export interface AdminShellOptions extends PageOptions {
  /** Shown beside the title, e.g. the signed-in user's name. */
  userName?: string;
  /** A sign-out button posting to this path (same origin). */
  signOut?: { action: string; label?: string };
  /**
   * The links' base when it differs from this page's origin + basePath (an admin on an
   * internal host sharing links to a public one), e.g. `https://share.example.com`.
   */
  linkBase?: string;
  /**
   * Adds request links (DESIGN.md §10): the "Request a secret" form below the create form
   * and the requests list below the history. Off by default: the handler must serve
   * `/api/requests`.
   */
  requests?: boolean;
  /**
   * Where the host serves {@link renderRequestAnswerPage} (`{adminPath}/requests/{id}`), for
   * the private read link; default `/admin`. A plain path on this origin.
   */
  adminPath?: string;
  /** Whether "Notify me when opened" starts ticked in the create form. Default false. */
  notifyDefault?: boolean;
}

/**
 * The creator's page as a complete HTML document: `<hushlink-create>` above
 * `<hushlink-history>`, with the creator's bundle (which holds the QR code) and the
 * stylesheet. Serve it behind the host's own login; the API calls carry its cookies.
 * @example
 * ```ts
 * app.get('/admin', requireLogin, (req, res) => res.type('html').send(renderAdminShell({ basePath: '' })));
 * ```
 */
export function renderAdminShell(options: AdminShellOptions): string {
  const strings = resolveStrings(options.strings);
  const attributes = elementAttributes(options.basePath, options.strings);
  const linkBase =
    options.linkBase === undefined ? '' : ` data-link-base="${escapeHtml(options.linkBase)}"`;
  const notifyDefault = options.notifyDefault === true ? ' data-notify-default' : '';
  const user =
    options.userName === undefined
      ? ''
      : `<span class="hl-hint">${escapeHtml(options.userName)}</span>`;
  const signOut =
    options.signOut === undefined
      ? ''
      : `<form class="hl-inline-form" method="post" action="${escapeHtml(options.signOut.action)}"><button type="submit" class="hl-secondary">${escapeHtml(options.signOut.label ?? 'Sign out')}</button></form>`;
  const adminPath =
    options.adminPath === undefined ? '' : ` data-admin-path="${escapeHtml(options.adminPath)}"`;
  const requestForm = options.requests
    ? [`<hushlink-request-form ${attributes}${linkBase}${adminPath}></hushlink-request-form>`]
    : [];
  const requestList = options.requests
    ? [`<hushlink-requests ${attributes}></hushlink-requests>`]
    : [];
  const body = [
    '<main class="hl-page hl-page-wide">',
    '<header class="hl-topbar">',
    `<h1>${escapeHtml(strings.adminTitle)}</h1>`,
    `<div class="hl-actions">${user}${signOut}</div>`,
    '</header>',
    `<hushlink-create ${attributes}${linkBase}${notifyDefault}></hushlink-create>`,
    ...requestForm,
    `<hushlink-history ${attributes}></hushlink-history>`,
    ...requestList,
    '</main>',
  ].join('\n');
  return renderPageDocument(options, {
    title: strings.adminTitle,
    bundle: 'admin',
    bodyHtml: body,
  });
}
