/**
 * `<hushlink-request-answer data-id data-base-path data-strings>`: the creator's private read
 * page `{adminPath}/requests/{id}#sk` (DESIGN.md §10), for another device or a browser that
 * lost the key.
 *
 * At once, before any request, `sk` is taken from the fragment (which is removed from the
 * address bar and history) and kept in this browser's IndexedDB, so the requests list here
 * can read the answer too. Without a fragment, IndexedDB's key is used. The request itself
 * comes from the creator's own list (`GET /api/requests`, so the host's login applies); an
 * answered one offers "Reveal", which reads the answer like the list does.
 */
import type { RevealUiStrings } from '../strings';
import { callApi } from './call-api';
import { h, replaceChildren } from './dom';
import { readElementConfig } from './element-config';
import type { RequestItemJson, RequestPageJson } from './request-item';
import { loadRequestKey, saveRequestKey } from './request-key-store';
import { revealRequestAnswer } from './reveal-request-answer';
import { answerFailureText, answerView } from './show-answer';
import { takeFragmentKey } from './take-fragment-key';

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** How many list pages (100 items each) to look through for the request. */
const MAX_PAGES = 50;

/** The private read page as a custom element. */
export class HushlinkRequestAnswerElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';
  #id = '';
  #secretKey: Uint8Array | null = null;
  #started = false;
  #body!: HTMLDivElement;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    const config = readElementConfig(this);
    this.#strings = config.strings;
    this.#basePath = config.basePath;
    this.#id = this.dataset.id ?? '';
    // First thing, before any request: take sk out of the address bar and history.
    const fragment = takeFragmentKey();
    const s = this.#strings;
    this.#body = h('div', { class: 'hl-body' });
    replaceChildren(
      this,
      h(
        'section',
        { class: 'hl-card', 'aria-labelledby': 'hushlink-request-answer-title' },
        h('h1', { id: 'hushlink-request-answer-title' }, s.requestAnswerTitle),
        this.#body,
      ),
    );
    if (REQUEST_ID.test(this.#id)) {
      void this.#start(fragment.ok ? fragment.key : null);
    } else {
      this.#showMessage(s.requestNotFound);
    }
  }

  async #start(fromLink: Uint8Array | null): Promise<void> {
    if (fromLink !== null) await saveRequestKey(this.#id, fromLink);
    this.#secretKey = fromLink ?? (await loadRequestKey(this.#id));
    await this.#load();
  }

  async #load(): Promise<void> {
    const s = this.#strings;
    const found = await this.#find();
    if (found === 'unauthorized') return this.#showMessage(s.signedOut);
    if (found === 'unavailable') return this.#showRetry(s.unavailable);
    if (found === null) return this.#showMessage(s.requestNotFound);
    const about = [h('p', { class: 'hl-name' }, found.label ?? `${found.id.slice(0, 8)}…`)];
    if (found.status === 'open') {
      return this.#showRetry(s.notAnsweredYet, about);
    }
    if (found.status !== 'answered') return this.#showMessage(s.answerGone);
    if (this.#secretKey === null) return this.#showMessage(s.answerKeyMissing);
    const button = h('button', { type: 'button', class: 'hl-primary hl-big' }, s.reveal);
    button.addEventListener('click', () => void this.#reveal(found, button));
    replaceChildren(this.#body, ...about, button);
  }

  /** Looks the request up in the creator's own list. */
  async #find(): Promise<RequestItemJson | null | 'unauthorized' | 'unavailable'> {
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const result = await callApi<RequestPageJson>(this.#basePath, `requests?limit=100${query}`);
      if (!result.ok) return result.code === 'unauthorized' ? 'unauthorized' : 'unavailable';
      const item = result.data.items.find((candidate) => candidate.id === this.#id);
      if (item !== undefined) return item;
      cursor = result.data.nextCursor;
      if (cursor === null) return null;
    }
    return null;
  }

  async #reveal(item: RequestItemJson, button: HTMLButtonElement): Promise<void> {
    const s = this.#strings;
    button.disabled = true;
    button.textContent = s.revealing;
    const outcome = await revealRequestAnswer(this.#basePath, item, this.#secretKey);
    if (outcome.ok) {
      this.#forgetKey();
      const view = answerView(s, outcome.text);
      replaceChildren(this.#body, ...view.nodes, h('p', { class: 'hl-done' }, s.youCanClose));
      view.field.focus();
      view.field.select();
      return;
    }
    if (outcome.reason === 'retry') {
      button.disabled = false;
      button.textContent = s.reveal;
      replaceChildren(
        this.#body,
        h('p', { class: 'hl-message', role: 'alert' }, answerFailureText(s, outcome)),
        button,
      );
      button.focus();
      return;
    }
    this.#showMessage(answerFailureText(s, outcome));
  }

  #showRetry(text: string, before: HTMLElement[] = []): void {
    const retry = h('button', { type: 'button', class: 'hl-secondary' }, this.#strings.refresh);
    retry.addEventListener('click', () => void this.#load());
    replaceChildren(
      this.#body,
      ...before,
      h('p', { class: 'hl-message', role: 'status' }, text),
      retry,
    );
  }

  #showMessage(text: string): void {
    this.#forgetKey();
    const message = h('p', { class: 'hl-message', role: 'alert', tabindex: '-1' }, text);
    replaceChildren(this.#body, message);
    message.focus();
  }

  #forgetKey(): void {
    this.#secretKey?.fill(0);
    this.#secretKey = null;
  }
}
