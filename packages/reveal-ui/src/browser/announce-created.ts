/** The event a creator's form fires once it created something, so the lists refresh. */

/**
 * Fires `type` from `element`, bubbling out of any shadow root, so a list anywhere on the
 * page hears it. `detail` must hold no key.
 */
export function announceCreated(element: HTMLElement, type: string, detail: object): void {
  element.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}
