/**
 * Where the created links point: `data-link-base` when the host shares links on another
 * origin than the admin page's, else this origin with the handler's base path.
 */

/** The links' base for `element`, whose API lives under `basePath`. */
export function readLinkBase(element: HTMLElement, basePath: string): string {
  return element.dataset.linkBase ?? `${location.origin}${basePath}`;
}
