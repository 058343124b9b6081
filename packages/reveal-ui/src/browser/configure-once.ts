/**
 * Custom elements run `connectedCallback` again each time they are moved in the document;
 * the elements draw themselves only the first time.
 */
import { type ElementConfig, readElementConfig } from './element-config';

const configured = new WeakSet<HTMLElement>();

/**
 * The element's configuration on its first connection, or null when it has already
 * started (a move in the document must not redraw it or lose what it shows).
 */
export function configureOnce(element: HTMLElement): ElementConfig | null {
  if (configured.has(element)) return null;
  configured.add(element);
  return readElementConfig(element);
}
