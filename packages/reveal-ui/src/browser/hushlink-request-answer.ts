/**
 * `<hushlink-request-answer data-id data-base-path data-strings data-login-path>`: the
 * creator's private read page `{adminPath}/requests/{id}#sk` (DESIGN.md §10), for another
 * device or a browser that lost the key.
 *
 * At once, before any request, `sk` is taken from the fragment (which is removed from the
 * address bar and history) and kept in this browser's IndexedDB, so the requests list here
 * can read the answer too. Without a fragment, IndexedDB's key is used. The request itself
 * comes from the creator's own list (`GET /api/requests`, so the host's login applies); an
 * answered one offers "Reveal", which reads the answer like the list does.
 *
 * The page itself holds no data, so a host may serve it without a session: signed out, the
 * list answers 401 and the page offers "Sign in to read the answer", a link to the login
 * page (`data-login-path`, default `{adminPath}/login`) with `next` = this page. Back here
 * signed in, the key comes from IndexedDB: it never travels through the login.
 */
import type { RevealUiStrings } from '../strings';
import { callApi } from './call-api';
import { h, replaceChildren } from './dom';
import { itemName } from './item-name';
import { pagePath } from './page-path';
import type { RequestItemJson, RequestPageJson } from './request-item';
import { loadRequestKey, saveRequestKey } from './request-key-store';
import { revealRequestAnswer } from './reveal-request-answer';
import { answerFailureText, answerView } from './show-answer';
import { showMessage, showMessageWithButton } from './show-message';
import { signInHref } from './sign-in-link';
import { startLinkPage } from './start-link-page';

/** How many list pages (100 items each) to look through for the request. */
const MAX_PAGES = 50;

/** The private read page as a custom element. */
export class HushlinkRequestAnswerElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';
  #id = '';
  #secretKey: Uint8Array | null = null;
  /** Whether this browser holds `sk` beyond this page's memory (it survives a sign-in). */
  #keyIsStored = false;
  #body!: HTMLDivElement;

  connectedCallback(): void {
    // First thing, before any request: sk leaves the address bar and history.
    const page = startLinkPage(this, 'hushlink-request-answer-title', 'requestAnswerTitle');
    if (page === null) return;
    ({ strings: this.#strings, basePath: this.#basePath, id: this.#id, body: this.#body } = page);
    if (page.idIsValid) {
      void this.#start(page.fragment.ok ? page.fragment.key : null);
    } else {
      this.#showMessage(this.#strings.requestNotFound);
    }
  }

  async #start(fromLink: Uint8Array | null): Promise<void> {
    if (fromLink !== null) this.#keyIsStored = await saveRequestKey(this.#id, fromLink);
    this.#secretKey = fromLink ?? (await loadRequestKey(this.#id));
    if (fromLink === null) this.#keyIsStored = this.#secretKey !== null;
    await this.#load();
  }

  async #load(): Promise<void> {
    const s = this.#strings;
    const found = await this.#find();
    if (found === 'unauthorized') return this.#showSignIn();
    if (found === 'unavailable') return this.#showRetry(s.unavailable);
    if (found === null) return this.#showMessage(s.requestNotFound);
    const about = [h('p', { class: 'hl-name' }, itemName(found))];
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
      const path = pagePath('requests', 100, cursor);
      const result = await callApi<RequestPageJson>(this.#basePath, path);
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
      return showMessageWithButton(this.#body, answerFailureText(s, outcome), button);
    }
    this.#showMessage(answerFailureText(s, outcome));
  }

  /**
   * Signed out: a link to the login page coming back here. Without a stored key the
   * private link must be opened again after signing in, and the page says so.
   */
  #showSignIn(): void {
    const s = this.#strings;
    const href = signInHref(this.dataset.loginPath, location.pathname);
    const link = h('a', { href, class: 'hl-sign-in' }, s.signInToRead);
    const text = this.#keyIsStored ? s.requestAnswerSignedOut : s.signInKeyMissing;
    this.#forgetKey();
    replaceChildren(
      this.#body,
      h('p', { class: 'hl-message', role: 'alert' }, text),
      h('p', {}, link),
    );
    link.focus();
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
    showMessage(this.#body, text);
  }

  #forgetKey(): void {
    this.#secretKey?.fill(0);
    this.#secretKey = null;
  }
}
