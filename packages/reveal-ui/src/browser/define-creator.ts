/**
 * Registers the creator's elements once (the creator's bundle): `<hushlink-create>`,
 * `<hushlink-history>`, and for request links `<hushlink-request-form>`,
 * `<hushlink-requests>` and `<hushlink-request-answer>`.
 */
import { HushlinkCreateElement } from './hushlink-create';
import { HushlinkHistoryElement } from './hushlink-history';
import { HushlinkRequestAnswerElement } from './hushlink-request-answer';
import { HushlinkRequestFormElement } from './hushlink-request-form';
import { HushlinkRequestsElement } from './hushlink-requests';

/** The request-link elements of the creator's page, by tag. */
const REQUEST_ELEMENTS = {
  'hushlink-request-form': HushlinkRequestFormElement,
  'hushlink-requests': HushlinkRequestsElement,
  'hushlink-request-answer': HushlinkRequestAnswerElement,
} as const;

/** Defines the creator's elements unless something already did. */
export function defineCreatorElements(): void {
  for (const [tag, element] of Object.entries(REQUEST_ELEMENTS)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
  if (!customElements.get('hushlink-create')) {
    customElements.define('hushlink-create', HushlinkCreateElement);
  }
  if (!customElements.get('hushlink-history')) {
    customElements.define('hushlink-history', HushlinkHistoryElement);
  }
}
