/**
 * What the server tells an element through its attributes: where the API lives and which
 * texts to show. Attributes, not inline script: the strict CSP forbids inline script.
 */
import { type RevealUiStrings, resolveStrings } from '../strings';

/** An element's configuration. */
export interface ElementConfig {
  /** The handler's base path: `''` or `/something`. */
  basePath: string;
  strings: RevealUiStrings;
}

/**
 * Reads `data-base-path` and `data-strings` (JSON of text overrides).
 * A malformed value falls back to the defaults rather than breaking the page.
 */
export function readElementConfig(element: HTMLElement): ElementConfig {
  const rawBase = element.dataset.basePath ?? '';
  // Only a plain path: never a scheme or a host, so calls stay on this origin.
  const basePath = /^(\/[A-Za-z0-9._~%-]+)*$/.test(rawBase) ? rawBase : '';
  let overrides: unknown = null;
  try {
    overrides = JSON.parse(element.dataset.strings ?? 'null');
  } catch {
    overrides = null;
  }
  return { basePath, strings: resolveStrings(overrides) };
}
