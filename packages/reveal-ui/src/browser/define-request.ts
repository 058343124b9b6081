/** Registers `<hushlink-request>` once (the customer's bundle holds only this element). */
import { HushlinkRequestElement } from './hushlink-request';

/** Defines `<hushlink-request>` unless something already did. */
export function defineRequestElement(): void {
  if (!customElements.get('hushlink-request')) {
    customElements.define('hushlink-request', HushlinkRequestElement);
  }
}
