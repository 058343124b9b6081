/**
 * The start of every page opened from a link with a key in its fragment (the recipient's
 * reveal page, the customer's request page, the creator's private read page).
 */
import type { RevealUiStringKey, RevealUiStrings } from '../strings';
import { configureOnce } from './configure-once';
import { h, replaceChildren } from './dom';
import { type FragmentKey, takeFragmentKey } from './take-fragment-key';

/** The shape of a secret or request id; anything else is not worth a request. */
const LINK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** What a link page starts with. */
export interface LinkPage {
  strings: RevealUiStrings;
  /** The handler's base path: `''` or `/something`. */
  basePath: string;
  /** `data-id`, or `''`. */
  id: string;
  /** Whether `id` has the shape of an id. */
  idIsValid: boolean;
  /** The key the fragment held, already gone from the address bar and history. */
  fragment: FragmentKey;
  /** The card's body, below the title: each screen of the page replaces its children. */
  body: HTMLDivElement;
}

/**
 * Starts a link page: takes the key out of the address bar and the session history first
 * thing, before any request, then draws the card with its `<h1>` (`titleId`, text
 * `strings[title]`) and an empty body.
 * @returns null when the element had already started (it was moved in the document).
 */
export function startLinkPage(
  element: HTMLElement,
  titleId: string,
  title: RevealUiStringKey,
): LinkPage | null {
  const config = configureOnce(element);
  if (config === null) return null;
  const id = element.dataset.id ?? '';
  const fragment = takeFragmentKey();
  const body = h('div', { class: 'hl-body' });
  replaceChildren(
    element,
    h(
      'section',
      { class: 'hl-card', 'aria-labelledby': titleId },
      h('h1', { id: titleId }, config.strings[title]),
      body,
    ),
  );
  return { ...config, id, idIsValid: LINK_ID.test(id), fragment, body };
}
