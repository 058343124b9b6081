/**
 * `@hushlink/reveal-ui/elements`: the custom elements for a host's own bundler (Next.js,
 * Vite). Importing this module defines nothing by itself; call the define functions in
 * the browser (the React wrappers do).
 */
export { defineCreatorElements } from './define-creator';
export { defineRequestElement } from './define-request';
export { defineRevealElement } from './define-reveal';
export { HushlinkCreateElement } from './hushlink-create';
export { type HistoryItemJson, HushlinkHistoryElement } from './hushlink-history';
export { HushlinkRequestElement } from './hushlink-request';
export { HushlinkRequestAnswerElement } from './hushlink-request-answer';
export { HushlinkRequestFormElement } from './hushlink-request-form';
export { HushlinkRequestsElement } from './hushlink-requests';
export { HushlinkRevealElement } from './hushlink-reveal';
export type { RequestItemJson } from './request-item';
