/** Registers `<hushlink-create>` and `<hushlink-history>` once (the creator's bundle). */
import { HushlinkCreateElement } from './hushlink-create';
import { HushlinkHistoryElement } from './hushlink-history';

/** Defines `<hushlink-create>` and `<hushlink-history>` unless something already did. */
export function defineCreatorElements(): void {
  if (!customElements.get('hushlink-create')) {
    customElements.define('hushlink-create', HushlinkCreateElement);
  }
  if (!customElements.get('hushlink-history')) {
    customElements.define('hushlink-history', HushlinkHistoryElement);
  }
}
