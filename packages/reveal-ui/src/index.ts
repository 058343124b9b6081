/**
 * `@hushlink/reveal-ui`: the server side of Hushlink's browser UI. Renders the recipient's
 * page and the creator's page as complete HTML, and hands `createHandler` the built,
 * content-hashed browser bundles. The elements themselves: `@hushlink/reveal-ui/elements`;
 * React wrappers: `@hushlink/reveal-ui/react`.
 */
export { REVEAL_BUNDLE_BUDGET_BYTES } from './server/bundle-options';
export { type AdminShellOptions, renderAdminShell } from './server/render-admin-shell';
export {
  type RequestAnswerPageOptions,
  renderRequestAnswerPage,
} from './server/render-request-answer-page';
export { type RequestPageOptions, renderRequestPage } from './server/render-request-page';
export { type RevealPageOptions, renderRevealPage } from './server/render-reveal-page';
export {
  type RevealUiAsset,
  revealUiAssetNames,
  revealUiAssets,
} from './server/reveal-ui-assets';
export {
  DEFAULT_STRINGS,
  type RevealUiStringKey,
  type RevealUiStringOverrides,
  type RevealUiStrings,
} from './strings';
