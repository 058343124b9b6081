/**
 * A tiny element builder for the custom elements: no framework, no innerHTML, so no
 * markup injection and nothing the strict CSP would block (no inline style or handler).
 */

/** What may be passed as a child. Falsy values are skipped, strings become text. */
export type Child = Node | string | null | undefined | false;

/** Attributes (strings; `true` sets an empty attribute, false/null/undefined omit it) and `on…` listeners. */
export type Props = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Creates an element with attributes, listeners and children.
 * @example
 * ```ts
 * h('button', { type: 'button', onclick: () => go() }, 'Click to reveal');
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children, skipping falsy ones. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let nextId = 0;
/** A document-unique id, to tie labels and descriptions to their fields. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `hushlink-${prefix}-${nextId}`;
}
