/** Registers `<hushlink-reveal>` once (the recipient's bundle holds only this element). */
import { HushlinkRevealElement } from './hushlink-reveal';

/** Defines `<hushlink-reveal>` unless something already did. */
export function defineRevealElement(): void {
  if (!customElements.get('hushlink-reveal')) {
    customElements.define('hushlink-reveal', HushlinkRevealElement);
  }
}
