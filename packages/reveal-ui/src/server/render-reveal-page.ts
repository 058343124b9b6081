import { type PageOptions, renderElementPage } from './render-element-page';

/** Options of {@link renderRevealPage}: a `PageContext` of `@hushlink/core/http` fits. */
export interface RevealPageOptions extends PageOptions {
  /** The secret id from the path (validated by the page before any call). */
  id: string;
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
  return renderElementPage(options, {
    tag: 'hushlink-reveal',
    title: 'pageTitle',
    noScript: 'noScript',
    bundle: 'reveal',
  });
}
